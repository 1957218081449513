using Azure;
using Azure.Data.Tables;

namespace Grastorp.Intake.Core.Tips.Store.Rows;

/// <summary>How many tips of one theme (or all tips) a partition holds. Read by stats and digests instead of the tips.</summary>
internal sealed class ThemeCounterEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int Count { get; set; }
}
