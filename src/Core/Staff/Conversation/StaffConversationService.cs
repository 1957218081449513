using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.Core.Tips.Store.Conversation;
using Grastorp.Intake.Core.Tips.Store.Listing;

namespace Grastorp.Intake.Core.Staff.Conversation;

/// <summary>
/// The kommunpolis's side of a tip's conversation (issue #32): write a question or an answer of at most
/// <see cref="MaxMessageLength"/> characters, read the thread on the tip's page (which clears "Nytt svar"). Each
/// message written is audited once (who, when, which tip, its length), never its words; a tipster who asked for it is
/// told by e-mail once per message (<see cref="TipsterNotifier"/>), never with its words or the code.
/// </summary>
public sealed class StaffConversationService(
    ReceiptStore receipts, ConversationStore conversation, TipLister tips, TipsterNotifier notifier, AuditLog audit)
{
    public const int MaxMessageLength = 1000;

    /// <summary>
    /// Null when the text is empty or too long, or the form's token is missing (the caller shows the form again);
    /// otherwise the store's outcome, and for a message added, whether the tipster was e-mailed about it.
    /// </summary>
    public async Task<MessageWritten?> WriteAsync(StaffPrincipal who, string? reference, string? text, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var message = text?.Trim() ?? string.Empty;
        if (!IsValid(message) || !ConversationStore.IsToken(token))
        {
            return null;
        }

        if (!TipReference.TryParse(reference, out var parsed) || await receipts.FindAsync(parsed, cancellationToken).ConfigureAwait(false) is not { } receipt)
        {
            return new MessageWritten(MessageOutcome.NotFound);
        }

        var outcome = await conversation.AddAsync(receipt.Partition, parsed.Value, ThreadMessage.Staff, message, token!, cancellationToken).ConfigureAwait(false);
        if (outcome != MessageOutcome.Added)
        {
            return new MessageWritten(outcome);
        }

        // Only for a message just added: the same form sent again (AlreadyAdded) sends no second e-mail. The notice goes
        // before the audit, so an audit that fails (and the officer's resend, AlreadyAdded) cannot lose it.
        var notice = await tips.ReadTipAsync(receipt.Partition, parsed.Value, cancellationToken).ConfigureAwait(false) is { } tip
            ? await notifier.NotifyAsync(tip, cancellationToken).ConfigureAwait(false)
            : TipsterNotice.NotAsked;
        await audit.RecordAsync(who, AuditAction.Wrote, [(parsed.Value, receipt.Partition.Key, $"{TipLimits.LengthOf(message)} tecken")], cancellationToken).ConfigureAwait(false);
        return new MessageWritten(outcome, notice);
    }

    /// <summary>Whether a message may be sent as it is: some text, at most <see cref="MaxMessageLength"/> characters (counted as staff see them).</summary>
    public static bool IsValid(string? text) => !string.IsNullOrWhiteSpace(text) && TipLimits.LengthOf(text.Trim()) <= MaxMessageLength;

    /// <summary>The thread for the tip's page; when the viewer handles tips, the "Nytt svar" flag is cleared (reading it is reading the answers).</summary>
    public async Task<IReadOnlyList<ThreadMessage>> ReadAsync(StaffPrincipal viewer, TipPartition partition, string reference, bool markRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (markRead && viewer.May(StaffArea.TipProgress))
        {
            await conversation.MarkAnswersReadAsync(partition, reference, cancellationToken).ConfigureAwait(false);
        }

        return await conversation.ReadAsync(partition, reference, cancellationToken).ConfigureAwait(false);
    }
}
