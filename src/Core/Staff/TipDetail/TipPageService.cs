using Grastorp.Intake.Core.Abuse;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Staff.Conversation;
using Grastorp.Intake.Core.Tips.Store.Conversation;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.Core.Tips.Store.Listing;

namespace Grastorp.Intake.Core.Staff.TipDetail;

/// <summary>
/// The kommunpolis opens one tip, from the digest or the list. The tip is found by its receipt, as a resident's status
/// is, so a code never issued and an erased one (its receipt is gone) are both "no such tip". Each opening is audited
/// once per person, tip and day. Opening it is reading it: a tip still <c>classified</c> moves to <c>read</c> (audited
/// once by <see cref="TipProgressService"/>), but only on a navigation the browser says the person made here
/// (<c>Sec-Fetch-Site</c> <c>same-origin</c>, or <c>none</c> for a link opened from the e-mail or typed): a link on
/// another site, or a request that does not say, shows the tip and changes nothing.
/// </summary>
public sealed class TipPageService(ReceiptStore receipts, TipLister tips, AuditLog audit, TipProgressService progress, StaffConversationService conversation, PromiseCatalog promises)
{
    /// <summary>The tip's page, or null for a malformed, unknown or erased code alike.</summary>
    /// <param name="fetchSite">The request's <c>Sec-Fetch-Site</c>; null (as for a page shown again after a post) never marks.</param>
    public async Task<TipPageView?> ShowAsync(StaffPrincipal viewer, string? reference, string? fetchSite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!TipReference.TryParse(reference, out var parsed)
            || await receipts.FindAsync(parsed, cancellationToken).ConfigureAwait(false) is not { } receipt
            || await tips.ReadTipAsync(receipt.Partition, parsed.Value, cancellationToken).ConfigureAwait(false) is not { } tip)
        {
            return null;
        }

        var partition = receipt.Partition;
        await audit.RecordViewAsync(viewer, tip.Reference, partition.Key, cancellationToken).ConfigureAwait(false);
        // Only the one who handles tips reads them in that sense: the auditor's look changes nothing.
        if (tip.Stage == TipStage.Classified && IsOwnNavigation(fetchSite) && viewer.May(StaffArea.TipProgress))
        {
            var marked = await progress.MarkReadAsync(viewer, partition, [tip.Reference], cancellationToken).ConfigureAwait(false);
            tip = marked.Contains(tip.Reference) ? tip with { Stage = TipStage.Read } : tip;
        }

        // The resident's answers are read when the tip is opened as a navigation (as the stage moves to read), so
        // "Nytt svar" clears only when the officer really came here; the tip read afterwards says so too.
        var markRead = tip.NewAnswer && IsOwnNavigation(fetchSite);
        var messages = await conversation.ReadAsync(viewer, partition, tip.Reference, markRead, cancellationToken).ConfigureAwait(false);
        var (previous, next) = await tips.NeighboursAsync(partition, tip.Reference, cancellationToken).ConfigureAwait(false);
        var text = tip.RemovedAt is null ? tip.Text : string.Empty;
        return new TipPageView(
            tip,
            partition,
            DecisiveWords.Find(text, tip.Themes),
            DecisiveWords.Explain(text, tip.Themes),
            [.. tip.Commitments.Select(promises.Find).OfType<(Promise Promise, Commitment Commitment)>()],
            previous,
            next)
        {
            Conversation = ThreadMessage.Thread(tip.RemovedAt is null ? tip.Reply : null, tip.ReceivedAt, messages),
        };
    }

    /// <summary>Whether the browser says the person navigated here themselves: from this site, or from outside any site.</summary>
    public static bool IsOwnNavigation(string? fetchSite) => new RequestSource(null, fetchSite, null).IsOwnNavigation;
}
