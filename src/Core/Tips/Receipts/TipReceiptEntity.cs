using Azure;
using Azure.Data.Tables;

namespace Grastorp.Intake.Core.Tips.Receipts;

/// <summary>
/// Written at intake: which partition a reference's tip will be stored in. It lets a resident's status check find
/// the tip with two point reads, and holds nothing the resident wrote.
/// </summary>
internal sealed class TipReceiptEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string TipPartition { get; set; } = string.Empty;

    public string Week { get; set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; set; }
}
