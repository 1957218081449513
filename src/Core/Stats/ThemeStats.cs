using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Stats;

/// <summary>Tip counts per theme and week, per municipality and for all of them together.</summary>
public sealed record ThemeStats(
    WeekId From,
    WeekId To,
    IReadOnlyList<string> Themes,
    IReadOnlyList<MunicipalityCounts> Municipalities,
    CountSeries All)
{
    /// <summary>The kind of message counted (<c>tip</c>, <c>idea</c>, <c>feedback</c>), or <c>all</c>.</summary>
    public string Kind { get; init; } = StatsQuery.All;
}
