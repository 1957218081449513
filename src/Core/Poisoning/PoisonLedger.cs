using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.Core.Poisoning;

/// <summary>
/// Records each tip message that failed processing for good, when it happens, so the digest can count them: the
/// poison queue itself cannot be counted reliably (a peek sees at most 32 messages, and messages expire after 7
/// days). The only class that knows the table's row layout: PartitionKey = Swedish week of the failure, RowKey =
/// the queue message id, so recording the same message twice counts it once. Nothing a resident wrote is stored.
/// </summary>
public sealed class PoisonLedger(IntakeTables tables, TimeProvider time)
{
    /// <summary>host.json's <c>extensions.queues.maxDequeueCount</c>: after this many failed tries the host poisons a message.</summary>
    public const int HostMaxDequeueCount = 5;

    /// <summary>Records a message moved (or about to be moved) to the poison queue, with a reason that holds no content.</summary>
    public async Task RecordAsync(string messageId, long dequeueCount, string reason, CancellationToken cancellationToken)
    {
        var table = await tables.PoisonedAsync().ConfigureAwait(false);
        var now = time.GetUtcNow();
        var row = new PoisonedMessageEntity
        {
            PartitionKey = SwedishTime.WeekOf(now).ToString(),
            RowKey = SafeKey(messageId),
            PoisonedAt = now,
            DequeueCount = dequeueCount,
            Reason = reason,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many messages were poisoned in the week (Swedish time).</summary>
    public async Task<int> CountAsync(WeekId week, CancellationToken cancellationToken)
    {
        var table = await tables.PoisonedAsync().ConfigureAwait(false);
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {week.ToString()}");
        await foreach (var _ in table.QueryAsync<PoisonedMessageEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    /// <summary>Retention: removes at most <paramref name="limit"/> rows of messages poisoned before <paramref name="cutoff"/>.</summary>
    public async Task<int> RemoveOlderThanAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var table = await tables.PoisonedAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PoisonedAt lt {cutoff}");
        var expired = new List<PoisonedMessageEntity>();
        await foreach (var row in table.QueryAsync<PoisonedMessageEntity>(filter, maxPerPage: Math.Min(1000, limit), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            expired.Add(row);
            if (expired.Count == limit)
            {
                break;
            }
        }

        var removed = 0;
        foreach (var row in expired)
        {
            // Poisonings are rare, so single deletes; one removed meanwhile (a second firing) answers 404 and counts for nothing.
            using var response = await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All, cancellationToken).ConfigureAwait(false);
            removed += response.Status == 404 ? 0 : 1;
        }

        return removed;
    }

    /// <summary>Queue message ids are GUIDs; anything else is reduced to characters a row key allows.</summary>
    private static string SafeKey(string messageId) =>
        string.Concat(messageId.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(100)) is { Length: > 0 } key ? key : "unknown";
}
