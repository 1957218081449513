using Azure.Data.Tables;

namespace Grastorp.Intake.Core.Tips.Receipts;

/// <summary>
/// The layout of the receipts table: one row per group commit, holding every receipt of that batch. A reference is
/// its batch's key (<see cref="BatchLength"/> characters, of which the first <see cref="ShardLength"/> are the
/// PartitionKey) followed by its own 6 characters, which name the receipt's two properties in the row: its tip's
/// partition (<c>P</c>) and when it arrived (<c>T</c>). Nothing the resident wrote is kept.
/// </summary>
/// <remarks>
/// One entity per batch rather than one per receipt: the batch is one plain insert (the emulator, and any store, does
/// the work of one entity instead of an entity-group transaction of many), and a status check is still one point read,
/// of just the two properties it needs. A batch holds at most <see cref="ReceiptGroupCommit.MaxBatch"/> receipts,
/// 200 properties, within Table Storage's 252. (Until this layout each receipt had a row of its own, shard and
/// reference as keys; nothing was ever deployed in that layout, so there is no migration.)
/// </remarks>
internal static class ReceiptBatchRow
{
    /// <summary>1,024 partitions, so batches spread over the table.</summary>
    public const int ShardLength = 2;

    /// <summary>
    /// A batch key is the first 4 characters of each of its references: 20 bits, drawn per batch, leaving each receipt
    /// 30 bits of its own. Shorter keys would collide (409, drawn again) too often; longer ones would leave a receipt
    /// fewer bits against someone who knows its batch key from a reference of the same batch.
    /// </summary>
    public const int BatchLength = 4;

    /// <summary>When the batch's newest receipt arrived: retention removes a batch once all of it is past the limit.</summary>
    public const string ReceivedAt = nameof(ReceivedAt);

    private const char PartitionPrefix = 'P';
    private const char ArrivedPrefix = 'T';

    public static string ShardOf(TipReference reference) => reference.Value[..ShardLength];

    public static string BatchOf(TipReference reference) => reference.Value[..BatchLength];

    public static string PartitionProperty(TipReference reference) => PartitionPrefix + reference.Value[BatchLength..];

    public static string ArrivedProperty(TipReference reference) => ArrivedPrefix + reference.Value[BatchLength..];

    /// <summary>The row for a batch whose references all start with the same batch key.</summary>
    public static TableEntity For(IReadOnlyList<IPendingReceipt> batch)
    {
        var key = BatchOf(batch[0].Reference);
        var row = new TableEntity(ShardOf(batch[0].Reference), key) { [ReceivedAt] = batch.Max(r => r.ReceivedAt) };
        foreach (var receipt in batch)
        {
            if (BatchOf(receipt.Reference) != key)
            {
                throw new ArgumentException("Every reference of a batch starts with its batch key.", nameof(batch));
            }

            row[PartitionProperty(receipt.Reference)] = receipt.Partition.Key;
            row[ArrivedProperty(receipt.Reference)] = receipt.ReceivedAt;
        }

        return row;
    }

    /// <summary>A withdrawn receipt: both its properties emptied (a merge touches nothing else of the row).</summary>
    public static TableEntity Withdrawn(TipReference reference) =>
        new(ShardOf(reference), BatchOf(reference)) { [PartitionProperty(reference)] = string.Empty, [ArrivedProperty(reference)] = string.Empty };

    /// <summary>How many receipts a row holds that were not withdrawn.</summary>
    public static int ReceiptsIn(TableEntity row) =>
        row.Count(p => p.Key.Length == 1 + TipReference.Length - BatchLength && p.Key[0] == PartitionPrefix && p.Value is string { Length: > 0 });
}
