using Azure;
using Azure.Data.Tables;

namespace Grastorp.Intake.Core.Tips.Receipts;

/// <summary>
/// Written at intake: which partition a reference's tip will be stored in. It lets a resident's status check find
/// the tip with two point reads, and holds nothing the resident wrote.
/// </summary>
/// <remarks>
/// PartitionKey is the reference's shard (its first <see cref="ShardLength"/> characters, 1,024 shards) and RowKey the
/// whole reference, so receipts written together by <see cref="ReceiptGroupCommit"/> share a partition and go in one
/// transaction, and a status check is still one point read. (Until group commit, PartitionKey was the whole reference;
/// nothing was ever deployed in that layout, so there is no migration.)
/// </remarks>
internal sealed class TipReceiptEntity : ITableEntity
{
    public const int ShardLength = 2;

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string TipPartition { get; set; } = string.Empty;

    public string Week { get; set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; set; }

    public static string ShardOf(TipReference reference) => reference.Value[..ShardLength];

    public static TipReceiptEntity For(TipReference reference, TipPartition partition, DateTimeOffset receivedAt) => new()
    {
        PartitionKey = ShardOf(reference),
        RowKey = reference.Value,
        TipPartition = partition.Key,
        Week = partition.Week.ToString(),
        ReceivedAt = receivedAt,
    };
}
