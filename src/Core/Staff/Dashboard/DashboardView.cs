using Grastorp.Intake.Core.Stats;
using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Core.Staff.Dashboard;

/// <summary>
/// What the dashboard shows: the week-by-week counts of the chosen scope (one municipality, or all together), the
/// period's totals and those of the period before. The chart, the table and the CSV are all drawn from <see cref="Series"/>;
/// names (scope, themes) are in <paramref name="Language"/>, the language of the page or CSV that asked.
/// </summary>
public sealed record DashboardView(DashboardQuery Query, string ScopeName, IReadOnlyList<ThemeColumn> Themes, CountSeries Series, CountTotals Previous, Language Language = Language.Swedish)
{
    /// <summary>"Värt en titt": unusual rises in the period's last week, in the municipalities shown.</summary>
    public IReadOnlyList<Stats.EarlyWarning.EarlyWarning> Warnings { get; init; } = [];

    /// <summary>Change in all tips against the previous period, in per cent; null when the previous period had none.</summary>
    public static double? PercentChange(int now, int before) => before == 0 ? null : Math.Round(100.0 * (now - before) / before, 0);
}

/// <summary>A theme's id (for the API and keys) and the name people read, in report order.</summary>
public sealed record ThemeColumn(string Id, string Name);
