using System.Globalization;
using System.Text;

namespace Grastorp.Intake.Core.Digest;

/// <summary>The digest as the kommunpolis reads it: plain Swedish text, counts first, then the tips.</summary>
public static class DigestText
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static string Subject(WeeklyDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return $"Veckosammanställning tips {digest.Week}: {digest.TipCount} tips";
    }

    public static string Body(WeeklyDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var text = new StringBuilder();
        text.AppendLine(Swedish, $"Tips och idéer vecka {digest.Week.Week} ({digest.Week.Monday:yyyy-MM-dd} – {digest.Week.Monday.AddDays(6):yyyy-MM-dd}).");
        text.AppendLine("Siffran inom parentes är förändringen mot veckan före. Ett tips kan höra till flera teman.");
        foreach (var municipality in digest.Municipalities)
        {
            text.AppendLine();
            text.AppendLine(Swedish, $"{municipality.Municipality.Name}: {municipality.Tips.Count} tips ({Signed(municipality.Tips.Change)})");
            foreach (var theme in municipality.Themes)
            {
                text.AppendLine(Swedish, $"  {theme.Theme,-12} {theme.Count,4} ({Signed(theme.Change)})");
            }
        }

        foreach (var group in digest.TipsByTheme)
        {
            AppendTips(text, $"== {group.Theme} ({group.Tips.Count}) ==", group.Tips);
        }

        if (digest.LateTips.Count > 0)
        {
            AppendTips(text, $"== Sena tips från vecka {digest.Week.Previous().Week}, klassade efter förra sammanställningen ({digest.LateTips.Count}) ==", digest.LateTips);
        }

        return text.ToString();
    }

    private static void AppendTips(StringBuilder text, string heading, IEnumerable<Counting.StoredTip> tips)
    {
        text.AppendLine();
        text.AppendLine(heading);
        foreach (var tip in tips)
        {
            text.AppendLine();
            var observed = tip.ObservedAt is { } at ? string.Create(CultureInfo.InvariantCulture, $", observerat {Calendar.SwedishTime.ToLocal(at):yyyy-MM-dd HH:mm}") : string.Empty;
            text.AppendLine(Swedish, $"[{tip.Reference}] {tip.Municipality}, {tip.Kind}, teman: {string.Join(", ", tip.Themes)}{observed}");
            if (tip.Place is not null)
            {
                text.AppendLine(Swedish, $"Plats: {tip.Place}");
            }

            text.AppendLine(tip.Text);
            if (tip.Contact is not null)
            {
                text.AppendLine(Swedish, $"Kontakt (med samtycke): {tip.Contact}");
            }
        }
    }

    private static string Signed(int change) => change.ToString("+0;−0;±0", Swedish);
}
