using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.Core.Tips.Store.Progressing;

namespace Grastorp.Intake.Core.Staff.FollowUp;

/// <summary>
/// Staff move a tip through its stages; every move is audited (who, when, which tip, the move), never the tip's text.
/// Writing to the resident is the tip's conversation (<see cref="Conversation.StaffConversationService"/>).
/// </summary>
public sealed class TipProgressService(ReceiptStore receipts, TipProgressStore tips, AuditLog audit)
{
    public async Task<ProgressOutcome> MoveAsync(StaffPrincipal who, string? reference, string? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (to is null || !TipStage.StaffMoves.Contains(to))
        {
            return ProgressOutcome.InvalidMove;
        }

        if (await PartitionOfAsync(reference, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return ProgressOutcome.NotFound;
        }

        var outcome = await tips.MoveAsync(found.Partition, found.Reference, to, cancellationToken).ConfigureAwait(false);
        if (outcome == ProgressOutcome.Done)
        {
            await audit.RecordAsync(who, AuditAction.Moved, [(found.Reference, found.Partition.Key, to)], cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>
    /// Marks the tips staff were just shown as read, those still <c>classified</c> only (the caller passes those, so a
    /// tip already read costs nothing on the next view), and audits the moves that happened in one entry per tip.
    /// A tip another view marked a moment earlier comes back <c>Unchanged</c> and is not audited twice.
    /// </summary>
    /// <returns>The references this call moved to read.</returns>
    public async Task<IReadOnlySet<string>> MarkReadAsync(StaffPrincipal who, TipPartition partition, IEnumerable<string> classifiedReferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(classifiedReferences);
        var moved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in classifiedReferences.Distinct(StringComparer.Ordinal))
        {
            if (await tips.MoveAsync(partition, reference, TipStage.Read, cancellationToken).ConfigureAwait(false) == ProgressOutcome.Done)
            {
                moved.Add(reference);
            }
        }

        await audit.RecordAsync(who, AuditAction.Moved, moved.Select(r => (r, partition.Key, TipStage.Read)), cancellationToken).ConfigureAwait(false);
        return moved;
    }

    private async Task<(TipPartition Partition, string Reference)?> PartitionOfAsync(string? reference, CancellationToken cancellationToken) =>
        TipReference.TryParse(reference, out var parsed) && await receipts.FindAsync(parsed, cancellationToken).ConfigureAwait(false) is { } receipt
            ? (receipt.Partition, parsed.Value)
            : null;
}
