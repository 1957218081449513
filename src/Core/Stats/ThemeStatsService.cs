using System.Collections.Concurrent;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Core.Stats;

/// <summary>Answers staff's "how many tips of which theme, when and where" from the counter rows.</summary>
public sealed class ThemeStatsService(CounterReader counters, ITipClassifier classifier)
{
    private const int ParallelReads = 8;

    public async Task<ThemeStats> GetAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var weeks = WeekId.Range(query.From, query.To).ToList();
        var partitions = query.Municipalities.SelectMany(m => weeks.Select(w => new TipPartition(m.Id, w))).ToList();
        var read = new ConcurrentDictionary<TipPartition, PartitionCounts>();
        await Parallel.ForEachAsync(
            partitions,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (partition, token) => read[partition] = await counters.ReadAsync(partition, token).ConfigureAwait(false)).ConfigureAwait(false);

        // Themes a lexicon no longer has still show up if tips were counted under them.
        var themes = classifier.Themes.Concat(read.Values.SelectMany(c => c.Themes.Keys)).Distinct(StringComparer.Ordinal).ToList();
        WeekCounts WeekOf(WeekId week, IEnumerable<PartitionCounts> counts)
        {
            var list = counts.ToList();
            return new WeekCounts(week, list.Sum(c => c.Tips), themes.ToDictionary(t => t, t => list.Sum(c => c.Of(t))));
        }

        var perMunicipality = query.Municipalities
            .Select(m => new MunicipalityCounts(
                m.Id,
                m.Name,
                CountSeries.Sum(themes, [.. weeks.Select(w => WeekOf(w, [read[new TipPartition(m.Id, w)]]))])))
            .ToList();
        var all = CountSeries.Sum(themes, [.. weeks.Select(w => WeekOf(w, query.Municipalities.Select(m => read[new TipPartition(m.Id, w)])))]);
        return new ThemeStats(query.From, query.To, themes, perMunicipality, all);
    }
}
