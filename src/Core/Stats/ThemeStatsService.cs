using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips.Store.Rollup;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Stats;

/// <summary>
/// Answers staff's "how many tips of which theme, when and where" from the rollup table: one range read per
/// municipality, whatever the number of weeks or tips. The rollup is written right after each tips transaction, so
/// an answer can miss a tip recorded a moment ago (or, if that write failed, until the message is retried).
/// </summary>
public sealed class ThemeStatsService(CountRollupStore rollup, ThemeCatalog catalog, StatsQueryParser parser)
{
    /// <summary>Answers a request as it comes from a query string (<c>from</c>, <c>to</c>, <c>municipality</c>, <c>kind</c>, each optional).</summary>
    public Task<StatsOutcome> QueryAsync(string? from, string? to, string? municipality, CancellationToken cancellationToken) =>
        QueryAsync(from, to, municipality, kind: null, cancellationToken);

    public async Task<StatsOutcome> QueryAsync(string? from, string? to, string? municipality, string? kind, CancellationToken cancellationToken)
    {
        var (query, errors) = parser.Parse(from, to, municipality, kind);
        return query is null
            ? new StatsOutcome(null, errors)
            : new StatsOutcome(await GetAsync(query, cancellationToken).ConfigureAwait(false), errors);
    }

    public async Task<ThemeStats> GetAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var weeks = WeekId.Range(query.From, query.To).ToList();
        var partitions = query.Municipalities.SelectMany(m => weeks.Select(w => new TipPartition(m.Id, w))).ToList();
        var rolledUp = await Task.WhenAll(query.Municipalities.Select(m => rollup.ReadAsync(m.Id, query.From, query.To, cancellationToken))).ConfigureAwait(false);
        var stored = rolledUp.SelectMany(rows => rows).ToDictionary(w => w.Partition, w => PartitionCounts.Of(w).OfKind(query.Kind));
        // A week without a row counted no tip: the same zero counts a partition without counter rows gives.
        var read = partitions.ToDictionary(p => p, p => stored.GetValueOrDefault(p) ?? new PartitionCounts(p, 0, new Dictionary<string, int>()).OfKind(query.Kind));

        var themes = catalog.ReportOrder(read.Values.SelectMany(c => c.Themes.Keys));
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
        return new ThemeStats(query.From, query.To, themes, perMunicipality, all) { Kind = query.Kind ?? StatsQuery.All };
    }
}
