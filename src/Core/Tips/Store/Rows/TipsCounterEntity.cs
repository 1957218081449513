using Azure;
using Azure.Data.Tables;

namespace Grastorp.Intake.Core.Tips.Store.Rows;

/// <summary>
/// The partition's counter of all tips (row <c>count</c>), which also carries the partition's version: every
/// transaction that moves any counter replaces this row with the version one higher, so the version names one state
/// of all the partition's counters (the rollup keeps the newest it has seen), and a writer that remembered older
/// counters fails on this row's ETag.
/// </summary>
internal sealed class TipsCounterEntity : ITableEntity
{
    public const string VersionProperty = "Version";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int Count { get; set; }

    /// <summary>0 for a row written before versions were kept.</summary>
    public long Version { get; set; }
}
