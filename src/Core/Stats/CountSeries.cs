namespace Grastorp.Intake.Core.Stats;

/// <summary>Week by week and in total, for one municipality or for all of them together.</summary>
public sealed record CountSeries(IReadOnlyList<WeekCounts> Weeks, CountTotals Total)
{
    internal static CountSeries Sum(IReadOnlyList<string> themes, IReadOnlyList<WeekCounts> weeks) =>
        new(weeks, new CountTotals(weeks.Sum(w => w.Tips), themes.ToDictionary(t => t, t => weeks.Sum(w => w.Themes[t]))));
}
