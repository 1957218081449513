using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.Core.Tips.Receipts;

/// <summary>
/// The only owner of the receipts table: one row per reference, written at intake, holding nothing the resident
/// wrote. It lets a resident ask about a tip before it is classified, with point reads only.
/// </summary>
public sealed class ReceiptStore(IntakeTables tables)
{
    private const int IssueAttempts = 3;

    /// <summary>Draws a new reference and records its receipt; a reference already taken is drawn again.</summary>
    public async Task<TipReference> IssueAsync(TipPartition partition, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var receipts = await tables.ReceiptsAsync().ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var reference = TipReference.New();
            try
            {
                await receipts.AddEntityAsync(
                    new TipReceiptEntity { PartitionKey = reference.Value, RowKey = string.Empty, TipPartition = partition.Key, Week = partition.Week.ToString(), ReceivedAt = receivedAt },
                    cancellationToken).ConfigureAwait(false);
                return reference;
            }
            catch (RequestFailedException e) when (e.Status == 409 && attempt < IssueAttempts)
            {
                // 50 random bits make a collision astronomically rare; drawing again is the whole remedy.
            }
        }
    }

    /// <summary>Removes a receipt whose tip never reached the queue, so it cannot claim the tip was received.</summary>
    public async Task WithdrawAsync(TipReference reference, CancellationToken cancellationToken)
    {
        var receipts = await tables.ReceiptsAsync().ConfigureAwait(false);
        await receipts.DeleteEntityAsync(reference.Value, string.Empty, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Retention: removes at most <paramref name="limit"/> receipts of tips received before <paramref name="cutoff"/>,
    /// so their references no longer confirm that a tip was sent (the status page then answers as for an unknown
    /// code). A receipt already gone counts for nothing, so a second run changes nothing.
    /// </summary>
    public async Task<int> RemoveOlderThanAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var receipts = await tables.ReceiptsAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"ReceivedAt lt {cutoff}");
        var expired = new List<string>();
        await foreach (var row in receipts.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(1000, limit), select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            expired.Add(row.PartitionKey);
            if (expired.Count == limit)
            {
                break;
            }
        }

        var removed = 0;
        foreach (var reference in expired)
        {
            // One partition per reference, so no batch: each delete is its own call.
            using var response = await receipts.DeleteEntityAsync(reference, string.Empty, ETag.All, cancellationToken).ConfigureAwait(false);
            removed += response.Status == 404 ? 0 : 1;
        }

        return removed;
    }

    /// <summary>The receipt of a reference, or null if there is none (or it is unreadable).</summary>
    public async Task<Receipt?> FindAsync(TipReference reference, CancellationToken cancellationToken)
    {
        var receipts = await tables.ReceiptsAsync().ConfigureAwait(false);
        var found = await receipts.GetEntityIfExistsAsync<TipReceiptEntity>(reference.Value, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || !WeekId.TryParse(found.Value!.Week, null, out var week) || !found.Value.TipPartition.EndsWith("-" + found.Value.Week, StringComparison.Ordinal))
        {
            return null;
        }

        var municipality = found.Value.TipPartition[..^(found.Value.Week.Length + 1)];
        return new Receipt(reference, new TipPartition(municipality, week), found.Value.ReceivedAt);
    }
}
