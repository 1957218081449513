using Azure;
using Azure.Data.Tables;

namespace Grastorp.Intake.Core.Digest.Ledger;

/// <summary>The sent-digest record: PartitionKey = week, RowKey = recipient list id.</summary>
internal sealed class SentDigestEntity : ITableEntity
{
    public const string Sending = "sending";
    public const string Sent = "sent";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string State { get; set; } = Sending;

    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Tips { get; set; }

    /// <summary>How many times an operator sent the week again on purpose.</summary>
    public int Resends { get; set; }

    public DateTimeOffset? LastResentAt { get; set; }
}
