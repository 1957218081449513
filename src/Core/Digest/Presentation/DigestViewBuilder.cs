using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Digest.Presentation;

/// <summary>
/// Turns a composed digest into what the kommunpolis reads, in the order of need: counts, themes, ideas, late tips.
/// Personal data the resident wrote about others (personnummer, phone, e-mail, plate, address) is masked here, once,
/// so the HTML part, the plain-text part and the CLI's dry run all show the same masked text; the stored tip keeps
/// the original, which the signed-in staff list shows.
/// </summary>
public sealed class DigestViewBuilder(IOptions<SiteOptions> site, MunicipalityCatalog municipalities, ThemeCatalog themes, PersonalDataDetector personalData)
{
    /// <param name="tipsPerTheme">At most this many tips per section, the newest; the rest are a link away.</param>
    /// <param name="textLength">A tip's text is cut after about this many characters.</param>
    public DigestView Build(WeeklyDigest digest, int tipsPerTheme, int textLength)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var links = new DigestLinks(site.Value);
        var catalogOrder = municipalities.All.Select(m => m.Id).ToList();
        var week = digest.Week;
        // Only a list marked as the kommunpolis's gets what residents wrote; an unmarked list is the municipality's.
        var countsOnly = digest.Recipients.CountsOnly;
        var police = digest.Recipients.Audience == DigestAudience.Kommunpolis;
        var perMunicipality = string.Join(", ", digest.Municipalities.Select(m => $"{SafeText.Line(m.Municipality.Name)} {DigestLabels.Count(m.Tips.Count)}"));
        var subject = $"Trygghetstips v. {week.Week} ({DigestLabels.ShortPeriod(week)}): {DigestLabels.Count(digest.TipCount)} nya – {perMunicipality}";

        var sections = new List<TipSection>();
        foreach (var group in digest.TipsByTheme)
        {
            var note = group.IdeasAndFeedback switch
            {
                0 => null,
                1 => "Varav 1 idé eller synpunkt, som står under Idéer och synpunkter.",
                var n => $"Varav {n} idéer eller synpunkter, som står under Idéer och synpunkter.",
            };
            sections.Add(Section(
                $"tema-{group.Theme}", $"{ThemeName(group.Theme)} – {DigestLabels.Count(group.Count)}", note,
                group.Tips, m => links.Theme(m, week, group.Theme), t => Tip(t, group.Theme, links, textLength, police)));
        }

        if (digest.IdeasAndFeedback.Count > 0)
        {
            sections.Add(Section(
                "ideer", $"Idéer och synpunkter – {DigestLabels.Count(digest.IdeasAndFeedback.Count)}", null,
                digest.IdeasAndFeedback, m => links.Kind(m, week, "idea,feedback"), t => Tip(t, null, links, textLength, police)));
        }

        if (digest.LateTips.Count > 0)
        {
            var previous = week.Previous();
            sections.Add(Section(
                "sena", $"Sena tips från vecka {previous.Week} – {DigestLabels.Count(digest.LateTips.Count)}",
                $"Klassade efter att sammanställningen för vecka {previous.Week} gjordes, så de fanns inte med i den.",
                digest.LateTips, m => links.Week(m, previous), t => Tip(t, null, links, textLength, police)));
        }

        return new DigestView(
            subject,
            $"Trygghetstips vecka {week.Week}",
            $"{DigestLabels.Count(digest.TipCount)} nya meddelanden från invånarna vecka {week.Week} ({DigestLabels.Period(week)}): {perMunicipality}.",
            Poisoned(digest.PoisonedCount),
            "Antal denna vecka, förändring mot veckan före och snitt för de fyra veckorna före. Ett tips med flera teman räknas under vart och ett.",
            CountTables(digest),
            // A section exists only when it has tips, so counts-only always points to them.
            countsOnly ? [.. sections.Select(s => s with { Tips = [], More = "Läs dem i personalens tipslista:" })] : [.. sections],
            links.StaffList,
            countsOnly
                ? "Den här sammanställningen visar bara antal och länkar: tipsens text läses i personalens tipslista."
                : "Texterna är skrivna av invånare och återges som de kom in. Svara inte på det här meddelandet.")
        {
            CountsOnly = countsOnly,
            FollowUp = FollowUp(digest, countsOnly),
            WorthALook = [.. digest.Warnings.Select(w => w.Line())],
        };

        TipSection Section(string anchor, string heading, string? note, IReadOnlyList<StoredTip> tips, Func<string, Uri> listLink, Func<StoredTip, TipView> view)
        {
            var shown = tips.Take(tipsPerTheme).Select(view).ToList();
            var more = tips.Count - shown.Count;
            // In the catalogue's order, then any municipality no longer configured, so the links read the same every week.
            var lists = tips.Select(t => t.Municipality).Distinct(StringComparer.Ordinal)
                .OrderBy(m => catalogOrder.IndexOf(m) is >= 0 and var i ? i : int.MaxValue)
                .ThenBy(m => m, StringComparer.Ordinal)
                .Select(m => new ListLink(SafeText.Line(municipalities.TryFind(m, out var found) ? found.Name : m), listLink(m)))
                .ToList();
            return new TipSection(
                anchor, heading, note, shown,
                more > 0 ? $"{DigestLabels.Count(more)} till visas i personalens tipslista:" : null,
                lists);
        }
    }

    private FollowUpView? FollowUp(WeeklyDigest digest, bool countsOnly)
    {
        if (digest.FollowUp.Count == 0)
        {
            return null;
        }

        var tables = digest.FollowUp
            .Select(m => new FollowUpTable(
                SafeText.Line(m.Municipality.Name),
                [
                    new FollowUpRow("Alla tips", DigestLabels.Count(m.Unread), DigestLabels.Count(m.Stale), true),
                    .. m.Commitments.Select(c => new FollowUpRow(SafeText.Line(c.Text), DigestLabels.Count(c.Unread), DigestLabels.Count(c.Stale), false)),
                ]))
            .ToList();
        var places = digest.FollowUp
            .SelectMany(m => m.RepeatedPlaces.Select(p => new PlaceRow(
                PlaceName(p),
                SafeText.Line(m.Municipality.Name),
                DigestLabels.Count(p.Tips),
                string.Join(", ", p.Themes.Select(ThemeName)))))
            .ToList();
        var end = DigestLabels.Moment(digest.FollowUpAsOf.AddMinutes(-1));
        string? empty = places.Count == 0 ? "Ingen plats har nämnts i 3 eller fler tips de senaste 4 veckorna." : null;
        if (countsOnly && places.Count > 0)
        {
            // Place names are what residents wrote: a counts-only list gets the number and a pointer, not the names.
            empty = places.Count == 1
                ? "1 plats har nämnts i 3 eller fler tips de senaste 4 veckorna. Se vilken i personalens tipslista."
                : $"{DigestLabels.Count(places.Count)} platser har nämnts i 3 eller fler tips de senaste 4 veckorna. Se vilka i personalens tipslista.";
            places = [];
        }

        // "Nytt svar": references and links only, never a message's text; a counts-only list gets the number alone.
        var links = new DigestLinks(site.Value);
        var answered = digest.FollowUp.SelectMany(m => m.NewAnswers.Select(r => new NewAnswerRow(r, SafeText.Line(m.Municipality.Name), links.Tip(r)))).ToList();
        var answersNote = answered.Count switch
        {
            0 => null,
            1 => countsOnly ? "1 tips har ett nytt svar från den som tipsade. Se det i personalens tipslista." : "1 tips har ett nytt svar från den som tipsade:",
            var n => countsOnly
                ? $"{DigestLabels.Count(n)} tips har nya svar från den som tipsade. Se dem i personalens tipslista."
                : $"{DigestLabels.Count(n)} tips har nya svar från den som tipsade:",
        };
        return new FollowUpView(
            "Att följa upp",
            $"Läget när sammanställningen gjordes, för tips från de senaste {Composition.DigestComposer.FollowUpWeeks} veckorna till och med {end}: tips som ingen har läst ännu, och tips äldre än {Composition.DigestComposer.StaleDays} dagar som inte är klara. Ett tips kan höra till flera löften.",
            "Inte lästa",
            $"Inte klara efter {Composition.DigestComposer.StaleDays} dagar",
            tables,
            "Upprepade platser",
            $"Platser som nämns i 3 eller fler tips under de 4 veckorna till och med {end}. Olika stavningar räknas som samma plats (stora och små bokstäver, å/ä/ö, vid/på/i/utanför, husnummer); personuppgifter är maskerade.",
            places,
            empty)
        {
            NewAnswers = countsOnly ? [] : answered,
            NewAnswersNote = answersNote,
        };
    }

    /// <summary>
    /// The most used spelling, masked like every place in the digest. When the only personal data in it is a street
    /// address ("Storgatan 5" → "[adress]"), the matcher's key, which has no house number, is added so the reader
    /// knows which street; any other kind (a plate, an e-mail address) leaves the mask alone.
    /// </summary>
    private string PlaceName(Places.RepeatedPlace place)
    {
        var line = SafeText.Line(place.Name);
        var masked = personalData.Mask(line);
        var name = masked.Found.Count > 0 && masked.Found.All(f => f.Kind == PersonalDataKind.Address) && Masked(place.Key) == place.Key
            ? $"{masked.Masked} ({place.Key})"
            : masked.Masked;
        return SafeText.Cut(name, 120).Text;
    }

    private static string? Poisoned(int count) => count switch
    {
        0 => null,
        1 => "1 meddelande kunde inte behandlas den här veckan och saknas i siffrorna nedan. Det ligger i kön tips-poison; be driften titta på det.",
        _ => $"{DigestLabels.Count(count)} meddelanden kunde inte behandlas den här veckan och saknas i siffrorna nedan. De ligger i kön tips-poison; be driften titta på dem.",
    };

    /// <summary>The catalogue's Swedish name; a theme no longer configured keeps its id, made readable.</summary>
    private string ThemeName(string id) =>
        themes.Contains(id) ? themes.NameOf(id, "sv") : id.Length == 0 ? id : char.ToUpperInvariant(id[0]) + id[1..].Replace('_', ' ');

    private List<CountTable> CountTables(WeeklyDigest digest)
    {
        var tables = digest.Municipalities.Select(m => Table(SafeText.Line(m.Municipality.Name), m.Tips, m.Themes)).ToList();
        if (digest.Municipalities.Count > 1)
        {
            ThemeCount Sum(string theme, IEnumerable<ThemeCount> counts)
            {
                var list = counts.ToList();
                return new ThemeCount(theme, list.Sum(c => c.Count), list.Sum(c => c.PreviousCount), list.Sum(c => c.FourWeekAverage));
            }

            tables.Insert(0, Table(
                "Alla kommuner",
                Sum(ThemeCount.AllTips, digest.Municipalities.Select(m => m.Tips)),
                [.. digest.Themes.Select(t => Sum(t, digest.Municipalities.Select(m => m.Themes.Single(c => c.Theme == t))))]));
        }

        return tables;
    }

    private CountTable Table(string caption, ThemeCount all, IReadOnlyList<ThemeCount> themes) =>
        new(caption, [Row("Alla", all, true), .. themes.Select(t => Row(ThemeName(t.Theme), t, false))]);

    private static CountRow Row(string label, ThemeCount count, bool total) =>
        new(label, DigestLabels.Count(count.Count), DigestLabels.Change(count.Change), DigestLabels.Average(count.FourWeekAverage), total);

    /// <summary>A tip under <paramref name="theme"/> (null: a section that is not a theme's) names its other themes.</summary>
    private TipView Tip(StoredTip tip, string? theme, DigestLinks links, int textLength, bool police)
    {
        var others = tip.Themes.Where(t => t != theme).Select(ThemeName).ToList();
        var themes = others.Count == 0 ? null : theme is null ? $"Teman: {string.Join(", ", others)}" : $"Även under: {string.Join(", ", others)}";
        var termsTheme = theme ?? (tip.Themes.Count > 0 ? tip.Themes[0] : null);
        // Masked after cleaning (an invisible character inside a number must not hide it from the detector) and before
        // cutting (a cut must not leave half a personnummer that no longer looks like one). Terms are lexicon words,
        // but they come from the stored explanation, so they go through the same door.
        var terms = termsTheme is not null && tip.Terms.TryGetValue(termsTheme, out var matched) && matched.Count > 0
            ? SafeText.Cut(Masked(SafeText.Line(string.Join(", ", matched))), 120).Text
            : null;
        var (text, cut) = SafeText.Cut(Masked(SafeText.Block(tip.Text)), textLength);
        var place = Masked(SafeText.Line(tip.Place));

        // Not masked: the contact is the resident's own phone or e-mail, given with consent so the kommunpolis can call
        // back; "[telefon]" there would make the consent useless. It is personal data about the writer, not about
        // someone the tip names, and the form promises it goes to the kommunpolis only: no other list gets it, even
        // if a list other than the police's ever showed tips.
        var contact = police ? SafeText.Line(tip.Contact) : string.Empty;
        return new TipView(
            tip.Reference,
            links.Tip(tip.Reference),
            $"{MunicipalityName(tip)} · {DigestLabels.Kind(tip.Kind)} · inkom {DigestLabels.Moment(tip.ReceivedAt)}",
            tip.ObservedAt is { } observed ? $"Observerat {DigestLabels.Moment(observed)}" : null,
            place.Length == 0 ? null : SafeText.Cut(place, 200).Text,
            themes,
            terms,
            text,
            cut,
            contact.Length == 0 ? null : SafeText.Cut(contact, 200).Text)
        {
            Source = SourceWords(tip.Source),
        };
    }

    /// <summary>How the resident knows it, in the digest's Swedish; a value the form never offers is left out.</summary>
    private static string? SourceWords(string? source) => source switch
    {
        Tips.TipSource.Self => "Hur tipsaren vet det: såg eller hörde det själv",
        Tips.TipSource.Told => "Hur tipsaren vet det: någon berättade",
        Tips.TipSource.Online => "Hur tipsaren vet det: läste det på nätet",
        _ => null,
    };

    private string Masked(string text) => personalData.Mask(text).Masked;

    private string MunicipalityName(StoredTip tip) =>
        SafeText.Line(municipalities.TryFind(tip.Municipality, out var municipality) ? municipality.Name : tip.Municipality);
}
