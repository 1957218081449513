using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.Core.FollowUp;

/// <summary>
/// The only owner of the follow-up table: one row holding the current <see cref="FollowUpSnapshot"/>, so a public
/// view reads it with one point read instead of a counter row per municipality and week.
/// </summary>
public sealed class FollowUpSnapshotStore(IntakeTables tables)
{
    private const string Partition = "followup";
    private const string Row = "current";

    public async Task<FollowUpSnapshot?> GetAsync(CancellationToken cancellationToken)
    {
        var table = await tables.FollowUpAsync().ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<SnapshotEntity>(Partition, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } entity || JsonSerializer.Deserialize<SnapshotJson>(entity.Json) is not { } json)
        {
            return null;
        }

        return new FollowUpSnapshot(
            WeekId.Parse(json.Until, CultureInfo.InvariantCulture),
            entity.RefreshedAt,
            [.. json.Months.Select(m => DateOnly.ParseExact(m + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture))],
            json.Counts.ToDictionary(
                m => m.Key,
                m => (IReadOnlyList<IReadOnlyDictionary<string, int>>)[.. m.Value.Select(month => (IReadOnlyDictionary<string, int>)month)],
                StringComparer.Ordinal));
    }

    /// <summary>Replaces the snapshot whole; two refreshes at once write the same figures, so the last one may win.</summary>
    public async Task SaveAsync(FollowUpSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var json = new SnapshotJson(
            snapshot.Until.ToString(),
            [.. snapshot.Months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture))],
            snapshot.Counts.ToDictionary(m => m.Key, m => m.Value.Select(month => month.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal)).ToList(), StringComparer.Ordinal));
        var table = await tables.FollowUpAsync().ConfigureAwait(false);
        var entity = new SnapshotEntity { PartitionKey = Partition, RowKey = Row, RefreshedAt = snapshot.RefreshedAt, Json = JsonSerializer.Serialize(json) };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private sealed record SnapshotJson(string Until, List<string> Months, Dictionary<string, List<Dictionary<string, int>>> Counts);

    private sealed class SnapshotEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public DateTimeOffset RefreshedAt { get; set; }

        /// <summary>Counts only, a few kilobytes: far under a table property's 64 KiB.</summary>
        public string Json { get; set; } = "{}";
    }
}
