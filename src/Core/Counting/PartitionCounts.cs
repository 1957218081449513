using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Counting;

/// <summary>The counters of one municipality and week: all tips, and tips per theme (a tip with two themes counts in both).</summary>
public sealed record PartitionCounts(TipPartition Partition, int Tips, IReadOnlyDictionary<string, int> Themes)
{
    public int Of(string theme) => Themes.GetValueOrDefault(theme);
}
