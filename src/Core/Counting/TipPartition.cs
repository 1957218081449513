using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Counting;

/// <summary>
/// One table partition per municipality and Swedish ISO week (<c>grastorp-2026-W48</c>): a tip and the counters it
/// moves live together, so they can be written in one entity-group transaction.
/// </summary>
public readonly record struct TipPartition(string Municipality, WeekId Week)
{
    /// <summary>Counter rows start with this; tip rows are references (upper-case base32), so the two never mix.</summary>
    internal const string CounterPrefix = "count";

    /// <summary>The counter of all tips, whatever their themes.</summary>
    internal const string TipsCounterRowKey = CounterPrefix;

    public string Key => $"{Municipality}-{Week}";

    internal static string CounterRowKey(string theme) => $"{CounterPrefix}-{theme}";

    public override string ToString() => Key;
}
