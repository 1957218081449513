using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Tips;

/// <summary>
/// One table partition per municipality and Swedish ISO week (<c>grastorp-2026-W48</c>): a tip and the counters it
/// moves live together, so they can be written in one entity-group transaction.
/// </summary>
public readonly record struct TipPartition(string Municipality, WeekId Week)
{
    public string Key => $"{Municipality}-{Week}";

    /// <summary>The partition rule, in one place: a tip belongs to the Swedish week it was received in.</summary>
    public static TipPartition Of(string municipality, DateTimeOffset receivedAt) => new(municipality, SwedishTime.WeekOf(receivedAt));

    public override string ToString() => Key;
}
