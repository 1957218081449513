using Azure;
using Azure.Data.Tables;

namespace Grastorp.Intake.Core.Staff.Audit;

/// <summary>
/// An audit log row: PartitionKey = the UTC month (<c>2026-11</c>), RowKey = inverted ticks and a random suffix, so
/// a month reads newest first and old months are removed partition by partition.
/// </summary>
internal sealed class AuditEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }

    public string Who { get; set; } = string.Empty;

    /// <summary>The Entra object id of <see cref="Who"/> (empty on rows written before it was kept).</summary>
    public string WhoId { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string Reference { get; set; } = string.Empty;

    public string TipPartition { get; set; } = string.Empty;

    public string Detail { get; set; } = string.Empty;
}
