using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips.Store.Partitions;
using Grastorp.Intake.Core.Tips.Store.Rollup;
using Grastorp.Intake.Core.Tips.Store.Rows;

namespace Grastorp.Intake.Core.Tips.Store.Rebuilding;

/// <summary>
/// Rebuilding: counts every partition again from its tip rows and writes the counters (including the kind × theme
/// counters tips stored before kinds were counted lack) and the time-order copies. An operator's command, so it reads
/// the whole table once; each partition's counters are set in one transaction guarded by the ETags read, so a tip
/// recorded meanwhile makes that partition start over rather than be lost. Each partition's rebuilt counters (with a
/// higher version) then go to the rollup table, so a rebuild also fills the rollup, e.g. for weeks counted before it existed.
/// </summary>
public sealed class CounterRebuilder(IntakeTables tables, CountRollupStore rollup)
{
    private const int MaxBatch = 100;

    public async Task<RebuildSummary> RebuildCountersAsync(CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var partitions = new SortedSet<string>(StringComparer.Ordinal);
        var tipRows = TableClient.CreateQueryFilter($"RowKey lt {TipRowKeys.CounterPrefix}");
        await foreach (var row in table.QueryAsync<TableEntity>(tipRows, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            partitions.Add(row.PartitionKey);
        }

        var tips = 0;
        foreach (var partition in partitions)
        {
            tips += await ConflictRetry.Pipeline.ExecuteAsync(
                async token => await RebuildPartitionAsync(table, partition, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }

        return new RebuildSummary(partitions.Count, tips);
    }

    private async Task<int> RebuildPartitionAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var tips = new List<TipEntity>();
        var counters = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey lt {TipRowKeys.CounterEnd}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey.StartsWith(TipRowKeys.CounterPrefix, StringComparison.Ordinal))
            {
                counters[row.RowKey] = row;
            }
            else
            {
                tips.Add(ToTip(row));
            }
        }

        foreach (var batch in tips.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, TimeOrderRow.From(t))).Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        var wanted = tips
            .SelectMany(t => TipRowKeys.CountersOf(t.Kind, t.Themes.Split(',', StringSplitOptions.RemoveEmptyEntries))
                .Concat(TipRowKeys.SplitCommitments(t.Commitments).Select(TipRowKeys.CommitmentCounter)))
            .GroupBy(k => k, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // Counter rows deleted by hand would start the version again from 1, below what the rollup holds, and the
        // rollup would ignore the next writes: the rebuilt version goes above both.
        var partition = PartitionOf(partitionKey);
        var floor = partition is { } known ? await rollup.VersionOfAsync(known, cancellationToken).ConfigureAwait(false) : 0;
        var actions = new List<TableTransactionAction>();
        foreach (var (rowKey, count) in wanted)
        {
            var counter = PartitionCounters.Entity(partitionKey, rowKey, count, counters.GetValueOrDefault(rowKey), floor);
            actions.Add(counters.TryGetValue(rowKey, out var current)
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counter, current.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, counter));
        }

        foreach (var (rowKey, current) in counters.Where(c => !wanted.ContainsKey(c.Key)))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), current.ETag));
        }

        if (actions.Count > MaxBatch)
        {
            throw new InvalidOperationException($"Partition {partitionKey} needs {actions.Count} counter rows, more than one transaction holds.");
        }

        if (actions.Count > 0)
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }

        if (partition is { } rolled)
        {
            await rollup.WriteAsync(PartitionCounters.Snapshot(rolled, PartitionCounters.After(counters, actions)), cancellationToken).ConfigureAwait(false);
        }

        return tips.Count;
    }

    /// <summary>The partition a key names (<c>{municipality}-{ISO week}</c>; municipality ids hold no '-'), or null for a key no tip would have.</summary>
    private static TipPartition? PartitionOf(string partitionKey)
    {
        var dash = partitionKey.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && WeekId.TryParse(partitionKey[(dash + 1)..], null, out var week) ? new TipPartition(partitionKey[..dash], week) : null;
    }

    private static TipEntity ToTip(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        Municipality = row.GetString(nameof(TipEntity.Municipality)) ?? string.Empty,
        Week = row.GetString(nameof(TipEntity.Week)) ?? string.Empty,
        Kind = row.GetString(nameof(TipEntity.Kind)) ?? "tip",
        Text = row.GetString(nameof(TipEntity.Text)) ?? string.Empty,
        Place = row.GetString(nameof(TipEntity.Place)),
        ObservedAt = row.GetDateTimeOffset(nameof(TipEntity.ObservedAt)),
        Contact = row.GetString(nameof(TipEntity.Contact)),
        ReceivedAt = row.GetDateTimeOffset(nameof(TipEntity.ReceivedAt)) ?? default,
        ClassifiedAt = row.GetDateTimeOffset(nameof(TipEntity.ClassifiedAt)) ?? default,
        PrimaryTheme = row.GetString(nameof(TipEntity.PrimaryTheme)) ?? string.Empty,
        Themes = row.GetString(nameof(TipEntity.Themes)) ?? string.Empty,
        Explanation = row.GetString(nameof(TipEntity.Explanation)) ?? string.Empty,
        ClassifiedThemes = row.GetString(nameof(TipEntity.ClassifiedThemes)),
        CorrectedBy = row.GetString(nameof(TipEntity.CorrectedBy)),
        CorrectedAt = row.GetDateTimeOffset(nameof(TipEntity.CorrectedAt)),
        Commitments = row.GetString(nameof(TipEntity.Commitments)),
        Stage = row.GetString(nameof(TipEntity.Stage)),
        PublicReply = row.GetString(nameof(TipEntity.PublicReply)),
        RepliedAt = row.GetDateTimeOffset(nameof(TipEntity.RepliedAt)),
        RemovedAt = row.GetDateTimeOffset(nameof(TipEntity.RemovedAt)),
        UnreadAnswer = row.GetBoolean(nameof(TipEntity.UnreadAnswer)) ?? false,
        Source = row.GetString(nameof(TipEntity.Source)),
        NotifyByEmail = row.GetBoolean(nameof(TipEntity.NotifyByEmail)) ?? false,
    };
}
