using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Core.Stats.EarlyWarning;

/// <summary>
/// "Värt en titt": for each municipality and theme, whether the week's count of tips (kind <c>tip</c>; ideas and
/// feedback are not incidents) is unusually high against its own recent weeks, by <see cref="EarlyWarningRule"/>.
/// Reads the counter rollup through <see cref="ThemeStatsService"/>: one range read per municipality.
/// </summary>
public sealed class EarlyWarningService(ThemeStatsService stats, ThemeCatalog themes)
{
    private const string TipKind = "tip";

    /// <summary>The flags of <paramref name="week"/> in <paramref name="municipalities"/>, highest count first; theme names in <paramref name="language"/>.</summary>
    public async Task<IReadOnlyList<EarlyWarning>> FlagsAsync(WeekId week, IReadOnlyList<Municipality> municipalities, CancellationToken cancellationToken, string language = "sv")
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        if (municipalities.Count == 0)
        {
            return [];
        }

        var from = week;
        for (var i = 0; i < EarlyWarningRule.BaselineWeeks && from > WeekId.MinValue; i++)
        {
            from = from.Previous();
        }

        var counts = await stats.GetAsync(new StatsQuery(from, week, municipalities, TipKind), cancellationToken).ConfigureAwait(false);
        var flags = new List<EarlyWarning>();
        foreach (var municipality in counts.Municipalities)
        {
            foreach (var theme in counts.Themes)
            {
                var series = municipality.Counts.Weeks.Select(w => w.Themes.GetValueOrDefault(theme)).ToList();
                if (EarlyWarningRule.Judge(series) is { Flagged: true } verdict)
                {
                    flags.Add(new EarlyWarning(municipalities.First(m => m.Id == municipality.Municipality), theme, themes.NameOf(theme, language), week, verdict));
                }
            }
        }

        return [.. flags.OrderByDescending(f => f.Verdict.Count).ThenBy(f => f.Municipality.Name, StringComparer.Ordinal)];
    }
}
