using Grastorp.Intake.Core.Tips.Store.Rollup;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Tips.Store;

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

    /// <summary>The counts of a rollup row (no commitment counters: the rollup does not copy them).</summary>
    public static PartitionCounts Of(WeekCounters week)
    {
        ArgumentNullException.ThrowIfNull(week);
        return From(week.Partition, week.Counters.Select(c => (c.Kind, c.Theme, c.Count)), new Dictionary<string, int>());
    }

    /// <summary>
    /// Counts from counters, each (kind, theme, count) where a null kind means every kind and a null theme every
    /// theme: one rule for the tips table's counter rows and the rollup's copy, so both give the same answer.
    /// </summary>
    internal static PartitionCounts From(TipPartition partition, IEnumerable<(string? Kind, string? Theme, int Count)> counters, IReadOnlyDictionary<string, int> commitments)
    {
        var tips = new Dictionary<string, int>(StringComparer.Ordinal);
        var themes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal) { [string.Empty] = new(StringComparer.Ordinal) };
        foreach (var (kind, theme, count) in counters)
        {
            var key = kind ?? string.Empty;
            if (theme is null)
            {
                tips[key] = count;
            }
            else
            {
                (themes.TryGetValue(key, out var map) ? map : themes[key] = new(StringComparer.Ordinal))[theme] = count;
            }
        }

        PartitionCounts Of(string key) => new(partition, tips.GetValueOrDefault(key), themes.GetValueOrDefault(key) ?? []);
        return Of(string.Empty) with
        {
            Kinds = tips.Keys.Concat(themes.Keys).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToDictionary(k => k, Of, StringComparer.Ordinal),
            Commitments = commitments,
        };
    }

    /// <summary>The counts of one kind, or of every kind when <paramref name="kind"/> is null.</summary>
    public PartitionCounts OfKind(string? kind) =>
        kind is null ? this : Kinds.GetValueOrDefault(kind) ?? new PartitionCounts(Partition, 0, NoThemes);
}
