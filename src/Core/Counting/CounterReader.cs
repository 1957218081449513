using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.Core.Counting;

/// <summary>Reads counter rows only: the cost of a count grows with weeks × themes, never with tips.</summary>
public sealed class CounterReader(IntakeTables tables)
{
    public async Task<PartitionCounts> ReadAsync(TipPartition partition, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition.Key} and RowKey ge {TipPartition.CounterPrefix} and RowKey lt {TipPartition.CounterPrefix + "."}");
        var tips = 0;
        var themes = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var counter in table.QueryAsync<ThemeCounterEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (counter.RowKey == TipPartition.TipsCounterRowKey)
            {
                tips = counter.Count;
            }
            else
            {
                themes[counter.RowKey[(TipPartition.CounterPrefix.Length + 1)..]] = counter.Count;
            }
        }

        return new PartitionCounts(partition, tips, themes);
    }
}
