using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Queue;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.Core.Tips.Store.Removal;

namespace Grastorp.Intake.Core.Retention;

/// <summary>
/// A resident asks for what they wrote to be removed and gives the reference (docs/PRIVACY.md): the tip loses its
/// content as at the end of the retention period (week, kind, themes and counters stay, so no count moves), and then
/// its receipt goes, so the reference no longer confirms that a tip was sent. A poisoned tip was never stored or
/// counted; its message, which holds all of it, is deleted.
/// </summary>
public sealed class ErasureService(ReceiptStore receipts, TipContentRemover tips, TipQueues queues)
{
    public async Task<ErasureOutcome> EraseAsync(string? reference, CancellationToken cancellationToken)
    {
        if (!TipReference.TryParse(reference, out var parsed)
            || await receipts.FindAsync(parsed, cancellationToken).ConfigureAwait(false) is not { } receipt)
        {
            return ErasureOutcome.Unknown;
        }

        // The content first: were the receipt gone and the tip not, nothing would lead to the tip again.
        if (!await tips.RemoveContentOfAsync(receipt.Partition, parsed.Value, cancellationToken).ConfigureAwait(false)
            && await queues.RemovePoisonedAsync(parsed.Value, cancellationToken).ConfigureAwait(false) == 0)
        {
            // Still on its way to the tip store: removing the receipt now would leave the tip to be stored later with
            // nothing pointing to it. The receipt stays, so the request can be run again once the tip is stored.
            return ErasureOutcome.NotYetStored;
        }

        await receipts.WithdrawAsync(parsed, cancellationToken).ConfigureAwait(false);
        return ErasureOutcome.Erased;
    }
}
