using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.Core.Counting;

/// <summary>Reads the tips of one municipality and week, for the digest.</summary>
public sealed class TipReader(IntakeTables tables)
{
    public async Task<IReadOnlyList<StoredTip>> ReadAsync(TipPartition partition, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition.Key} and RowKey lt {TipPartition.CounterPrefix}");
        var tips = new List<StoredTip>();
        await foreach (var tip in table.QueryAsync<TipEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            tips.Add(new StoredTip(
                tip.RowKey, tip.Municipality, tip.Kind, tip.Text, tip.Place, tip.ObservedAt, tip.Contact, tip.ReceivedAt,
                tip.Themes.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                ClassifiedAt = tip.ClassifiedAt,
            });
        }

        return [.. tips.OrderBy(t => t.ReceivedAt)];
    }
}
