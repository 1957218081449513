using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Counting;

/// <summary>
/// The counters of one municipality and week: all tips, and tips per theme (a tip with two themes counts in both);
/// the same again per kind of message (tip, idea, feedback) in <see cref="Kinds"/>.
/// </summary>
public sealed record PartitionCounts(TipPartition Partition, int Tips, IReadOnlyDictionary<string, int> Themes)
{
    private static readonly Dictionary<string, int> NoThemes = [];

    /// <summary>Kind id (<c>tip</c>, <c>idea</c>, <c>feedback</c>) → its own counts. Empty for partitions counted before kinds were.</summary>
    public IReadOnlyDictionary<string, PartitionCounts> Kinds { get; init; } = new Dictionary<string, PartitionCounts>();

    /// <summary>Commitment key → tips of this partition counted under it (all kinds together).</summary>
    public IReadOnlyDictionary<string, int> Commitments { get; init; } = new Dictionary<string, int>();

    public int Of(string theme) => Themes.GetValueOrDefault(theme);

    /// <summary>The counts of one kind, or of every kind when <paramref name="kind"/> is null.</summary>
    public PartitionCounts OfKind(string? kind) =>
        kind is null ? this : Kinds.GetValueOrDefault(kind) ?? new PartitionCounts(Partition, 0, NoThemes);
}
