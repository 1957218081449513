using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.Core.Tips;

/// <summary>Answers a resident's "what happened to my tip?" from the receipt and the stored tip.</summary>
public sealed class TipStatusService(IntakeTables tables)
{
    /// <summary>The status, or null for a malformed or unknown reference alike (so neither can be told apart).</summary>
    public async Task<TipStatus?> FindAsync(string? reference, CancellationToken cancellationToken)
    {
        if (!TipReference.TryParse(reference, out var parsed))
        {
            return null;
        }

        var receipts = await tables.ReceiptsAsync().ConfigureAwait(false);
        var receipt = await receipts.GetEntityIfExistsAsync<TipReceiptEntity>(parsed.Value, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!receipt.HasValue || !WeekId.TryParse(receipt.Value!.Week, null, out var week))
        {
            return null;
        }

        var tips = await tables.TipsAsync().ConfigureAwait(false);
        var tip = await tips.GetEntityIfExistsAsync<TableEntity>(receipt.Value.TipPartition, parsed.Value, select: ["RowKey"], cancellationToken).ConfigureAwait(false);
        return new TipStatus(tip.HasValue ? TipStatus.Classified : TipStatus.Received, week);
    }
}
