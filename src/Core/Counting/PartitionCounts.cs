namespace Grastorp.Intake.Core.Counting;

/// <summary>The counters of one municipality and week: all tips, and tips per theme (a tip with two themes counts in both).</summary>
public sealed record PartitionCounts(TipPartition Partition, int Tips, IReadOnlyDictionary<string, int> Themes)
{
    public int Of(string theme) => Themes.GetValueOrDefault(theme);

    /// <summary>
    /// The themes to report: the classifier's, in its order, then any theme counted earlier under a lexicon that no
    /// longer has it, so old counts never silently disappear from stats or digests.
    /// </summary>
    public static List<string> ThemesToReport(IEnumerable<string> classifierThemes, IEnumerable<PartitionCounts> counts) =>
        [.. classifierThemes.Concat(counts.SelectMany(c => c.Themes.Keys)).Distinct(StringComparer.Ordinal)];
}
