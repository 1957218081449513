using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Digest.Presentation;

/// <summary>Turns a composed digest into what the kommunpolis reads, in the order of need: counts, themes, ideas, late tips.</summary>
public sealed class DigestViewBuilder(IOptions<SiteOptions> site, MunicipalityCatalog municipalities, ThemeCatalog themes)
{
    /// <param name="tipsPerTheme">At most this many tips per section, the newest; the rest are a link away.</param>
    /// <param name="textLength">A tip's text is cut after about this many characters.</param>
    public DigestView Build(WeeklyDigest digest, int tipsPerTheme, int textLength)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var links = new DigestLinks(site.Value);
        var week = digest.Week;
        var countsOnly = digest.Recipients.CountsOnly;
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
                group.Tips, links.Theme(week, group.Theme), t => Tip(t, group.Theme, links, textLength)));
        }

        if (digest.IdeasAndFeedback.Count > 0)
        {
            sections.Add(Section(
                "ideer", $"Idéer och synpunkter – {DigestLabels.Count(digest.IdeasAndFeedback.Count)}", null,
                digest.IdeasAndFeedback, links.Kind(week, "idea,feedback"), t => Tip(t, null, links, textLength)));
        }

        if (digest.LateTips.Count > 0)
        {
            var previous = week.Previous();
            sections.Add(Section(
                "sena", $"Sena tips från vecka {previous.Week} – {DigestLabels.Count(digest.LateTips.Count)}",
                $"Klassade efter att sammanställningen för vecka {previous.Week} gjordes, så de fanns inte med i den.",
                digest.LateTips, links.Week(previous), t => Tip(t, null, links, textLength)));
        }

        return new DigestView(
            subject,
            $"Trygghetstips vecka {week.Week}",
            $"{DigestLabels.Count(digest.TipCount)} nya meddelanden från invånarna vecka {week.Week} ({DigestLabels.Period(week)}): {perMunicipality}.",
            Poisoned(digest.PoisonedCount),
            "Antal denna vecka, förändring mot veckan före och snitt för de fyra veckorna före. Ett tips med flera teman räknas under vart och ett.",
            CountTables(digest),
            // A section exists only when it has tips, so counts-only always points to them.
            countsOnly ? [.. sections.Select(s => s with { Tips = [], More = "Läs dem i personalens tipslista." })] : [.. sections],
            links.StaffList,
            countsOnly
                ? "Den här sammanställningen visar bara antal och länkar: tipsens text läses i personalens tipslista."
                : "Texterna är skrivna av invånare och återges som de kom in. Svara inte på det här meddelandet.")
        {
            CountsOnly = countsOnly,
        };

        TipSection Section(string anchor, string heading, string? note, IReadOnlyList<StoredTip> tips, Uri listLink, Func<StoredTip, TipView> view)
        {
            var shown = tips.Take(tipsPerTheme).Select(view).ToList();
            var more = tips.Count - shown.Count;
            return new TipSection(
                anchor, heading, note, shown,
                more > 0 ? $"{DigestLabels.Count(more)} till visas i personalens tipslista." : null,
                listLink);
        }
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
    private TipView Tip(StoredTip tip, string? theme, DigestLinks links, int textLength)
    {
        var others = tip.Themes.Where(t => t != theme).Select(ThemeName).ToList();
        var themes = others.Count == 0 ? null : theme is null ? $"Teman: {string.Join(", ", others)}" : $"Även under: {string.Join(", ", others)}";
        var termsTheme = theme ?? (tip.Themes.Count > 0 ? tip.Themes[0] : null);
        var terms = termsTheme is not null && tip.Terms.TryGetValue(termsTheme, out var matched) && matched.Count > 0
            ? SafeText.Cut(SafeText.Line(string.Join(", ", matched)), 120).Text
            : null;
        var (text, cut) = SafeText.Cut(SafeText.Block(tip.Text), textLength);
        var place = SafeText.Line(tip.Place);
        var contact = SafeText.Line(tip.Contact);
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
            contact.Length == 0 ? null : SafeText.Cut(contact, 200).Text);
    }

    private string MunicipalityName(StoredTip tip) =>
        SafeText.Line(municipalities.TryFind(tip.Municipality, out var municipality) ? municipality.Name : tip.Municipality);
}
