using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Store.Rows;

namespace Grastorp.Intake.Core.Tests.Tips.Store;

/// <summary>
/// Writes the single public reply that tips stored before the conversation (issue 32) may carry, on the tip row and its
/// time-order copy, as the old reply form did. Nothing writes one any more; what exists must still be shown as the
/// kommunpolis's first message and removed by retention, so tests set it up by hand.
/// </summary>
internal static class LegacyReply
{
    public static async Task WriteAsync(IntakeTables tables, TipPartition partition, string reference, string reply, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync();
        var tip = (await table.GetEntityAsync<TipEntity>(partition.Key, reference, cancellationToken: cancellationToken)).Value;
        var fields = new TableEntity { [nameof(TipEntity.PublicReply)] = reply, [nameof(TipEntity.RepliedAt)] = at };
        foreach (var rowKey in new[] { reference, TipRowKeys.Time(tip.ReceivedAt, reference) })
        {
            fields.PartitionKey = partition.Key;
            fields.RowKey = rowKey;
            await table.UpdateEntityAsync(fields, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
    }
}
