using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Tips.Store.Rollup;
using Grastorp.Intake.Core.Tips.Store.Rows;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Tips.Store;

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
    /// <summary>The newest counters this process has seen per partition, the copy the next rollup write carries.</summary>
    private readonly ConcurrentDictionary<string, WeekCounters> _newestCounted = new(StringComparer.Ordinal);

    /// <summary>One rollup writer at a time per partition, so tips that finish together share one write.</summary>
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _rollupGates = new(StringComparer.Ordinal);

    /// <summary>
    /// The partition's counters as this process last saw them (or one fresh read), remembered as the newest if they
    /// are. Called inside the partition's recording gate, so what it sees is what the last transaction left.
    /// </summary>
    private async Task<WeekCounters> SnapshotForRollupAsync(TableClient table, TipPartition partition, CancellationToken cancellationToken)
    {
        if (!_knownCounters.TryGetValue(partition.Key, out var counters))
        {
            counters = await ReadCounterRowsAsync(table, partition, cancellationToken).ConfigureAwait(false);
            _knownCounters[partition.Key] = counters;
        }

        var snapshot = Snapshot(partition, counters);
        _newestCounted.AddOrUpdate(partition.Key, snapshot, (_, newest) => newest.Version >= snapshot.Version ? newest : snapshot);
        return snapshot;
    }

    /// <summary>
    /// Returns once the rollup holds <paramref name="counted"/> or newer counts. Group commit: while one write is on
    /// its way, the tips recorded meanwhile wait at the gate; the first through writes the newest counts there are,
    /// and the rest find them written (<see cref="CountRollupStore"/> knows its last version, so that costs no call).
    /// A failed write fails its caller, whose message comes again; the next waiter simply tries again.
    /// </summary>
    private async Task RollUpAtLeastAsync(WeekCounters counted, CancellationToken cancellationToken)
    {
        var gate = _rollupGates.GetOrAdd(counted.Partition.Key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var newest = _newestCounted.TryGetValue(counted.Partition.Key, out var seen) && seen.Version > counted.Version ? seen : counted;
            await rollup.WriteAsync(newest, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
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
