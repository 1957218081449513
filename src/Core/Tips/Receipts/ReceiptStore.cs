using Azure;
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
