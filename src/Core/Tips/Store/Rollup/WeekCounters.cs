using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Tips.Store.Rollup;

/// <summary>
/// One week's counters of one municipality as the tips partition held them after a transaction: all tips
/// (<see cref="Counter.Kind"/> and <see cref="Counter.Theme"/> both null), per theme, per kind and per kind × theme.
/// <see cref="Version"/> is the partition's own number, raised by every transaction that moves a counter, so of two
/// copies the one with the higher version is the newer.
/// </summary>
public sealed record WeekCounters(TipPartition Partition, long Version, IReadOnlyList<WeekCounters.Counter> Counters)
{
    /// <summary>One counter: null kind means every kind, null theme every theme.</summary>
    public sealed record Counter(string? Kind, string? Theme, int Count);
}
