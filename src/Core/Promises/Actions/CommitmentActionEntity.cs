using Azure;
using Azure.Data.Tables;

namespace Grastorp.Intake.Core.Promises.Actions;

/// <summary>
/// An action as stored: PartitionKey = the commitment key (<c>grastorp_2021.trafik</c>), so one range read gets a
/// promise's actions; RowKey = the date counted down, then a random part, so newest comes first.
/// </summary>
internal sealed class CommitmentActionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary><c>yyyy-MM-dd</c>, the day it was done.</summary>
    public string Date { get; set; } = string.Empty;

    public string Municipality { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    /// <summary>JSON list of <c>{label, value}</c>.</summary>
    public string Counts { get; set; } = "[]";

    public string RecordedBy { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>When staff last corrected it; null if never.</summary>
    public DateTimeOffset? ChangedAt { get; set; }
}
