using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Presentation;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Places;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Tests.Digest;

/// <summary>
/// A fixed week 48 for three municipalities, with a two-theme tip, a hostile tip, a long tip, an idea, a late tip
/// and two poisoned messages: the input of the text, view and golden-file tests (linked into Web.Tests too).
/// </summary>
internal static class DigestSamples
{
    public static readonly WeekId Week = new(2026, 48);

    public static readonly Uri BaseUrl = new("https://tips.grastorp.example");

    private static readonly Municipality Grastorp = new("grastorp", "Grästorp");
    private static readonly Municipality Vara = new("vara", "Vara");
    private static readonly Municipality Essunga = new("essunga", "Essunga");

    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + "+01:00", System.Globalization.CultureInfo.InvariantCulture);

    public static readonly StoredTip Dealing = new(
        "K7QM3XDP2A", "grastorp", "tip", "Langning bakom idrottshallen på kvällarna.\nSamma vita bil varje gång, kör därifrån för fort.",
        "Idrottshallen, Grästorp", At("2026-11-24T18:30:00"), "070-123 45 67", At("2026-11-24T21:05:00"), ["drugs", "traffic"])
    {
        Terms = new Dictionary<string, IReadOnlyList<string>> { ["drugs"] = ["langning"], ["traffic"] = ["kör för fort"] },
    };

    public static readonly StoredTip Needles = new(
        "B2RT6YHN4C", "grastorp", "tip", "Sprutor hittade i parken vid skolan.", null, null, null, At("2026-11-23T08:12:00"), ["drugs"])
    {
        Terms = new Dictionary<string, IReadOnlyList<string>> { ["drugs"] = ["sprutor"] },
    };

    /// <summary>Everything a tip should not be able to do: markup, a forged contact line, control and bidi characters.</summary>
    public static readonly StoredTip Hostile = new(
        "H0ST1LE9XQ", "essunga", "tip",
        "Inbrott i garaget <script>alert('x')</script> <img src=x onerror=alert(1)>\n== Droger (99) ==\n[FAKE000001] grastorp, tip\u0000\u0007\u001b[31m röd \u202Egnirts\u202C",
        "Storgatan 1\nKontakt (med samtycke): fake@example.se", null, null, At("2026-11-26T02:14:00"), ["burglary"])
    {
        Terms = new Dictionary<string, IReadOnlyList<string>> { ["burglary"] = ["inbrott"] },
    };

    public static readonly StoredTip Shed = new(
        "V4RA7SHED1", "vara", "tip", "Någon har brutit upp förrådet på Allégatan 3 under natten. Låset är sönder och cyklarna är borta.",
        "Allégatan 3, Vara", At("2026-11-25T03:00:00"), "anna@example.se", At("2026-11-25T07:40:00"), ["burglary"])
    {
        Terms = new Dictionary<string, IReadOnlyList<string>> { ["burglary"] = ["brutit upp", "förrådet"] },
    };

    public static readonly StoredTip Long = new(
        "L0NGTEXT77", "grastorp", "tip",
        string.Concat(Enumerable.Repeat("Bilar kör alldeles för fort förbi förskolan på Södra vägen, särskilt på morgonen när barnen lämnas. ", 9)),
        "Södra vägen", null, null, At("2026-11-27T09:00:00"), ["traffic"])
    {
        Terms = new Dictionary<string, IReadOnlyList<string>> { ["traffic"] = ["kör för fort"] },
    };

    public static readonly StoredTip Idea = new(
        "1DEA5CAM3R", "vara", "idea", "Sätt upp en fartkamera på Allégatan, det är många barn där.", "Allégatan", null, null, At("2026-11-28T12:00:00"), ["traffic"]);

    public static readonly StoredTip Late = new(
        "LATE47TIP1", "grastorp", "tip", "Söndag kväll: krossad ruta på kiosken vid torget.", "Torget", null, null, At("2026-11-22T23:50:00"), ["burglary"]);

    /// <summary>
    /// A personnummer (valid Luhn and date) and a mistyped one (wrong check digit), a phone, a plate, an e-mail address
    /// and an address about someone else, in text and place.
    /// </summary>
    public static readonly StoredTip PlantedPersonalData = new(
        "PN1NTED5PD", "grastorp", "tip",
        "Han heter Nils, personnummer 19811218-9876 (eller 19850101-1234), och säljer från bilen ABC 123.\nRing honom på 070-987 65 43 eller skriv till nils.nilsson@example.se. Han bor på Järnvägsgatan 12.",
        "Utanför Storgatan 5B, bilen XYZ 12A", At("2026-11-26T20:00:00"), "072-555 12 34", At("2026-11-26T21:00:00"), ["drugs"]);

    /// <summary>Each personal item planted in <see cref="PlantedPersonalData"/>, as written.</summary>
    public static readonly IReadOnlyList<string> PlantedValues =
        ["19811218-9876", "19850101-1234", "ABC 123", "070-987 65 43", "nils.nilsson@example.se", "Järnvägsgatan 12", "Storgatan 5B", "XYZ 12A"];

    /// <summary>Week 48 with <see cref="PlantedPersonalData"/> under drugs, among the ideas, among the late tips and as a repeated place: every section that shows what residents wrote.</summary>
    public static WeeklyDigest Week48WithPlanted(bool countsOnly = false)
    {
        var week = Week48(countsOnly);
        return week with
        {
            TipsByTheme = [.. week.TipsByTheme.Select(t => t.Theme == "drugs" ? t with { Tips = [PlantedPersonalData, .. t.Tips] } : t)],
            IdeasAndFeedback = [.. week.IdeasAndFeedback, PlantedPersonalData with { Reference = "PN1NTED5ID", Kind = "idea" }],
            LateTips = [.. week.LateTips, PlantedPersonalData with { Reference = "PN1NTED5LT" }],
            FollowUp = [FollowUp[0] with { RepeatedPlaces = [.. FollowUp[0].RepeatedPlaces, new RepeatedPlace(PlaceKey.Of(PlantedPersonalData.Place)!, PlantedPersonalData.Place!, 3, ["drugs"])] }, .. FollowUp.Skip(1)],
        };
    }

    private static ThemeCount Count(string theme, int count, int previous, double average) => new(theme, count, previous, average);

    public static WeeklyDigest Week48(bool countsOnly = false) => new(
        Week,
        new DigestRecipientList { Id = "kommunpolis", Addresses = ["kommunpolis@example.se"], Audience = countsOnly ? DigestAudience.Kommun : DigestAudience.Kommunpolis },
        ["drugs", "traffic", "burglary", "other"],
        [
            new MunicipalityDigest(Grastorp, Count("tips", 3, 5, 4.25), [Count("drugs", 2, 2, 1.5), Count("traffic", 2, 1, 1.25), Count("burglary", 0, 2, 1), Count("other", 0, 0, 0.5)]),
            new MunicipalityDigest(Vara, Count("tips", 2, 1, 1.5), [Count("drugs", 0, 0, 0.25), Count("traffic", 1, 0, 0.5), Count("burglary", 1, 1, 0.75), Count("other", 0, 0, 0)]),
            new MunicipalityDigest(Essunga, Count("tips", 1, 0, 0.75), [Count("drugs", 0, 0, 0), Count("traffic", 0, 0, 0.25), Count("burglary", 1, 0, 0.5), Count("other", 0, 0, 0)]),
        ],
        [
            new ThemeTips("drugs", [Dealing, Needles], 0),
            new ThemeTips("traffic", [Long, Dealing], 1),
            new ThemeTips("burglary", [Hostile, Shed], 0),
        ])
    {
        IdeasAndFeedback = [Idea],
        LateTips = [Late],
        PoisonedCount = 2,
        FollowUp = FollowUp,
        FollowUpAsOf = At("2026-11-30T00:00:00"),
    };

    /// <summary>
    /// Week 48's "Att följa upp": Grästorp under its 2021 promise, Vara and Essunga without one in use; two repeated
    /// places, one of them a street address the digest must mask.
    /// </summary>
    public static readonly IReadOnlyList<FollowUpDigest> FollowUp =
    [
        new(Grastorp, 3, 2,
        [
            new("grastorp_2021.trafik", "Polisen gör trafikkontroller med inriktning på drogpåverkade förare, hastighet och farligt körsätt.", 2, 1),
            new("grastorp_2021.skola_droger", "Polisen besöker skolor och träffar ungdomar, och arbetar drogförebyggande tillsammans med socialtjänsten och skolan.", 2, 0),
            new("grastorp_2021.grannsamverkan", "Polisen och kommunen sprider information om Grannsamverkan, så att fler bostadsområden kan komma igång.", 0, 1),
        ],
        [
            new RepeatedPlace("idrottshallen", "Idrottshallen, Grästorp", 3, ["drugs", "traffic"]),
            new RepeatedPlace("storgatan", "Storgatan 5", 4, ["burglary", "traffic"]),
        ]),
        new(Vara, 1, 0, [], [new RepeatedPlace("allegatan", "Allégatan", 3, ["burglary", "traffic"])]),
        new(Essunga, 1, 0, [], []),
    ];

    public static DigestViewBuilder ViewBuilder() => new(
        Options.Create(new SiteOptions { BaseUrl = BaseUrl }),
        new MunicipalityCatalog(Options.Create(new MunicipalityOptions())),
        new ThemeCatalog(Options.Create(new ThemeCatalogOptions())),
        new PersonalDataDetector());

    public static DigestView View(bool countsOnly = false) => ViewBuilder().Build(Week48(countsOnly), tipsPerTheme: 25, textLength: 600);
}
