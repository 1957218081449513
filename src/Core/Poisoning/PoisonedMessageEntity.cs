using Azure;
using Azure.Data.Tables;

namespace Grastorp.Intake.Core.Poisoning;

/// <summary>One poisoned tip message: when, after how many tries, and why in words that quote nothing of the tip.</summary>
internal sealed class PoisonedMessageEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset PoisonedAt { get; set; }

    public long DequeueCount { get; set; }

    public string Reason { get; set; } = string.Empty;
}
