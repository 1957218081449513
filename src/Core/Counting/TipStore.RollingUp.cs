using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Counting.Rollup;
using Grastorp.Intake.Core.Counting.Rows;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Counting;

/// <summary>
/// Rolling up: after each transaction that moves a partition's counters (recording, correcting, rebuilding), the
/// counters as they now stand go to the rollup table (<see cref="CountRollupStore"/>), which stats reads. The write
/// comes after the transaction, not in it (another table), so the rollup lags the counters by one write; when that
/// write fails the caller sees the exception, and the retry (a redelivered message finds its tip "already counted",
/// a re-sent correction finds its marker) writes it again. Versions keep a late or slower writer from putting older
/// counts back.
/// </summary>
public sealed partial class TipStore
{
    /// <summary>The partition's counters as this process last saw them (or one fresh read), to the rollup. Called inside the partition's recording gate.</summary>
    private async Task RollUpAsync(TableClient table, TipPartition partition, CancellationToken cancellationToken)
    {
        if (!_knownCounters.TryGetValue(partition.Key, out var counters))
        {
            counters = await ReadCounterRowsAsync(table, partition, cancellationToken).ConfigureAwait(false);
            _knownCounters[partition.Key] = counters;
        }

        await rollup.WriteAsync(Snapshot(partition, counters), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every counter row of the partition with its count, version and ETag (one range read).</summary>
    private static async Task<Dictionary<string, TableEntity>> ReadCounterRowsAsync(TableClient table, TipPartition partition, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition.Key} and RowKey ge {TipRowKeys.CounterPrefix} and RowKey lt {TipRowKeys.CounterEnd}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: CounterColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows[row.RowKey] = row;
        }

        return rows;
    }

    /// <summary>What a read of counter rows selects: enough to move them (count, ETag) and to roll them up (version).</summary>
    private static readonly string[] CounterColumns = ["RowKey", nameof(ThemeCounterEntity.Count), TipsCounterEntity.VersionProperty];

    /// <summary>
    /// The entity that sets a counter to <paramref name="count"/>; the all-tips counter also raises the partition's
    /// version by one (above <paramref name="floor"/> too, when given).
    /// </summary>
    private static ITableEntity CounterEntity(string partitionKey, string rowKey, int count, TableEntity? current, long floor = 0) =>
        rowKey == TipRowKeys.TipsCounter
            ? new TipsCounterEntity { PartitionKey = partitionKey, RowKey = rowKey, Count = count, Version = Math.Max(VersionOf(current), floor) + 1 }
            : new ThemeCounterEntity { PartitionKey = partitionKey, RowKey = rowKey, Count = count };

    private static long VersionOf(TableEntity? row) => row?.GetInt64(TipsCounterEntity.VersionProperty) ?? 0;

    /// <summary>A counter entity of a transaction as the row it leaves (count, version, and the ETag the response gave), or null for any other row.</summary>
    private static TableEntity? AsCounterRow(ITableEntity entity, ETag etag) => entity switch
    {
        ThemeCounterEntity counter => new TableEntity(counter.PartitionKey, counter.RowKey) { [nameof(ThemeCounterEntity.Count)] = counter.Count, ETag = etag },
        TipsCounterEntity tips => new TableEntity(tips.PartitionKey, tips.RowKey)
        {
            [nameof(TipsCounterEntity.Count)] = tips.Count,
            [TipsCounterEntity.VersionProperty] = tips.Version,
            ETag = etag,
        },
        _ => null,
    };

    /// <summary>The counters before a transaction with its counter writes laid over them (deleted rows dropped).</summary>
    private static Dictionary<string, TableEntity> CountersAfter(Dictionary<string, TableEntity> before, IEnumerable<TableTransactionAction> actions)
    {
        var after = new Dictionary<string, TableEntity>(before, StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (action.ActionType == TableTransactionActionType.Delete)
            {
                after.Remove(action.Entity.RowKey);
            }
            else if (AsCounterRow(action.Entity, default) is { } row)
            {
                after[row.RowKey] = row;
            }
        }

        return after;
    }

    /// <summary>The rollup's copy of a partition's counter rows: all, per theme, per kind and per kind × theme (not the commitment counters), and the version.</summary>
    private static WeekCounters Snapshot(TipPartition partition, IReadOnlyDictionary<string, TableEntity> rows)
    {
        var counters = new List<WeekCounters.Counter>();
        foreach (var (rowKey, row) in rows)
        {
            if (!rowKey.StartsWith(TipRowKeys.CounterPrefix, StringComparison.Ordinal) || TipRowKeys.IsCommitmentCounter(rowKey))
            {
                continue;
            }

            var (kind, theme) = TipRowKeys.ParseCounter(rowKey);
            counters.Add(new(kind, theme, row.GetInt32(nameof(ThemeCounterEntity.Count)) ?? 0));
        }

        return new WeekCounters(partition, VersionOf(rows.GetValueOrDefault(TipRowKeys.TipsCounter)), counters);
    }
}
