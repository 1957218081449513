using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Queue;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Tips.Store.Removal;
using Grastorp.Intake.Core.Digest.Delivery;

namespace Grastorp.Intake.Core.Retention;

/// <summary>
/// A resident asks for what they wrote to be removed and gives the reference (docs/PRIVACY.md): the tip loses its
/// content as at the end of the retention period (week, kind, themes and counters stay, so no count moves), and then
/// its receipt goes, so the reference no longer confirms that a tip was sent. A poisoned tip was never stored or
/// counted; its message, which holds all of it, is deleted. E-mail notices sent to the tip's contact (issue 32) are
/// deleted from the pickup folder with it, so the address does not outlive the tip's content there either.
/// </summary>
public sealed class ErasureService(ReceiptStore receipts, TipLister lister, TipContentRemover tips, TipQueues queues, PickupDirectoryDigestSender pickup)
{
    public async Task<ErasureOutcome> EraseAsync(string? reference, CancellationToken cancellationToken)
    {
        if (!TipReference.TryParse(reference, out var parsed)
            || await receipts.FindAsync(parsed, cancellationToken).ConfigureAwait(false) is not { } receipt)
        {
            return ErasureOutcome.Unknown;
        }

        // The content first: were the receipt gone and the tip not, nothing would lead to the tip again.
        var stored = await lister.ReadTipAsync(receipt.Partition, parsed.Value, cancellationToken).ConfigureAwait(false);
        if (!await tips.RemoveContentOfAsync(receipt.Partition, parsed.Value, cancellationToken).ConfigureAwait(false)
            && await queues.RemovePoisonedAsync(parsed.Value, cancellationToken).ConfigureAwait(false) == 0)
        {
            // Still on its way to the tip store: removing the receipt now would leave the tip to be stored later with
            // nothing pointing to it. The receipt stays, so the request can be run again once the tip is stored.
            return ErasureOutcome.NotYetStored;
        }

        if (stored is { NotifyByEmail: true } && TipsterEmail.TryRead(stored.Contact, out var address))
        {
            pickup.RemoveNoticesTo(address);
        }

        await receipts.WithdrawAsync(parsed, cancellationToken).ConfigureAwait(false);
        return ErasureOutcome.Erased;
    }
}
