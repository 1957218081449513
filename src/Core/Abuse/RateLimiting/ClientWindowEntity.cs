using Azure;
using Azure.Data.Tables;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// One client's counter row for one UTC day (the day its key is drawn for), known to <see cref="RateLimitStore"/>
/// only. PartitionKey = <c>yyyyMMdd-</c> + the key's first two hex digits (256 partitions a day, and a whole day
/// purged by one key range), RowKey = the client key (one per limit: tips and status lookups draw it apart). No
/// address, no tip, no reference.
/// </summary>
public sealed class ClientWindowEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>Events (tips, or status lookups) counted this day.</summary>
    public int Today { get; set; }

    /// <summary>The second of the day (UTC) of each event counted in the last ten minutes, comma-separated, oldest first.</summary>
    public string Recent { get; set; } = string.Empty;
}
