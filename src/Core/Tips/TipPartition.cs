using System.Diagnostics.CodeAnalysis;
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

    /// <summary>Reads a <see cref="Key"/> back: the municipality, a hyphen and a week as <see cref="WeekId"/> writes it.</summary>
    public static bool TryParse([NotNullWhen(true)] string? key, out TipPartition partition)
    {
        partition = default;
        // "2026-W48": the week is always the last 8 characters, and a municipality id may itself hold hyphens.
        const int WeekLength = 8;
        if (key is null || key.Length < WeekLength + 2 || key[^(WeekLength + 1)] != '-' || !WeekId.TryParse(key[^WeekLength..], null, out var week))
        {
            return false;
        }

        partition = new TipPartition(key[..^(WeekLength + 1)], week);
        return partition.Key == key;
    }

    public override string ToString() => Key;
}
