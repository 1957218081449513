using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Tips.Store.Rollup;
using Grastorp.Intake.Core.Tips.Store.Rows;

namespace Grastorp.Intake.Core.Tips.Store.Partitions;

/// <summary>
/// The counter rows of one tips partition as a transaction moves them: read with their ETags, moved by a delta in the
/// same entity-group transaction as the tip rows that move them, and copied out as the rollup's
/// <see cref="WeekCounters"/>. Recording, correcting and rebuilding all move counters this one way.
/// </summary>
internal static class PartitionCounters
{
    /// <summary>What a read of counter rows selects: enough to move them (count, ETag) and to roll them up (version).</summary>
    public static readonly string[] Columns = ["RowKey", nameof(ThemeCounterEntity.Count), TipsCounterEntity.VersionProperty];

    /// <summary>Every counter row of the partition with its count, version and ETag (one range read).</summary>
    public static Task<Dictionary<string, TableEntity>> ReadAsync(TableClient table, TipPartition partition, CancellationToken cancellationToken) =>
        ReadAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {partition.Key} and RowKey ge {TipRowKeys.CounterPrefix} and RowKey lt {TipRowKeys.CounterEnd}"), cancellationToken);

    /// <summary>One query for one more row (a tip, a correction marker), if stored, and the partition's counter rows with their ETags.</summary>
    public static Task<Dictionary<string, TableEntity>> ReadWithAsync(TableClient table, TipPartition partition, string rowKey, CancellationToken cancellationToken) =>
        ReadAsync(table, TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition.Key} and (RowKey eq {rowKey} or (RowKey ge {TipRowKeys.CounterPrefix} and RowKey lt {TipRowKeys.CounterEnd}))"), cancellationToken);

    private static async Task<Dictionary<string, TableEntity>> ReadAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows[row.RowKey] = row;
        }

        return rows;
    }

    /// <summary>
    /// Moves each counter by <paramref name="delta"/>: an add for a counter not yet there, else a replace guarded by the
    /// ETag read (the all-tips counter also raises the version; moved by 0, it raises only the version).
    /// </summary>
    public static IEnumerable<TableTransactionAction> Moves(
        string partitionKey, IEnumerable<string> counterKeys, int delta, Dictionary<string, TableEntity> existing)
    {
        foreach (var rowKey in counterKeys)
        {
            if (existing.TryGetValue(rowKey, out var current))
            {
                var counter = Entity(partitionKey, rowKey, (current.GetInt32(nameof(ThemeCounterEntity.Count)) ?? 0) + delta, current);
                yield return new TableTransactionAction(TableTransactionActionType.UpdateReplace, counter, current.ETag);
            }
            else if (delta > 0)
            {
                yield return new TableTransactionAction(TableTransactionActionType.Add, Entity(partitionKey, rowKey, delta, null));
            }
        }
    }

    /// <summary>
    /// The entity that sets a counter to <paramref name="count"/>; the all-tips counter also raises the partition's
    /// version by one (above <paramref name="floor"/> too, when given).
    /// </summary>
    public static ITableEntity Entity(string partitionKey, string rowKey, int count, TableEntity? current, long floor = 0) =>
        rowKey == TipRowKeys.TipsCounter
            ? new TipsCounterEntity { PartitionKey = partitionKey, RowKey = rowKey, Count = count, Version = Math.Max(VersionOf(current), floor) + 1 }
            : new ThemeCounterEntity { PartitionKey = partitionKey, RowKey = rowKey, Count = count };

    private static long VersionOf(TableEntity? row) => row?.GetInt64(TipsCounterEntity.VersionProperty) ?? 0;

    /// <summary>A counter entity of a transaction as the row it leaves (count, version, and the ETag the response gave), or null for any other row.</summary>
    public static TableEntity? AsRow(ITableEntity entity, ETag etag) => entity switch
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
    public static Dictionary<string, TableEntity> After(Dictionary<string, TableEntity> before, IEnumerable<TableTransactionAction> actions)
    {
        var after = new Dictionary<string, TableEntity>(before, StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (action.ActionType == TableTransactionActionType.Delete)
            {
                after.Remove(action.Entity.RowKey);
            }
            else if (AsRow(action.Entity, default) is { } row)
            {
                after[row.RowKey] = row;
            }
        }

        return after;
    }

    /// <summary>The rollup's copy of a partition's counter rows: all, per theme, per kind and per kind × theme (not the commitment counters), and the version.</summary>
    public static WeekCounters Snapshot(TipPartition partition, IReadOnlyDictionary<string, TableEntity> rows)
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
