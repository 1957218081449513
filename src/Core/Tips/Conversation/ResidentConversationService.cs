using Grastorp.Intake.Core.Abuse.RateLimiting;
using Grastorp.Intake.Core.Tips.Check;
using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.Core.Tips.Status;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips.Store.Conversation;
using Grastorp.Intake.Core.Tips.Store.Listing;

namespace Grastorp.Intake.Core.Tips.Conversation;

/// <summary>
/// The resident's side of a tip's conversation (issue #32): open it with the code (counted as a status lookup), and
/// answer (counted against the same limit as a tip, checked like one: control characters removed, at most
/// <see cref="MaxAnswerLength"/> characters, the personal-data nudge and the 112 cue). The code only ever arrives in a
/// form's body, never in a path or query, and nothing about the client is stored with the answer: its address is only
/// the limiter's in-memory key.
/// </summary>
public sealed class ResidentConversationService(
    ReceiptStore receipts, TipLister tips, TipStatusService status, ConversationStore conversation, TipChecker checker, ClientRateLimiter limiter)
{
    public const int MaxAnswerLength = 2000;

    /// <summary>The thread for a code, or a lookup that was refused or found nothing (malformed and unknown codes alike).</summary>
    public async Task<(ResidentThread? Thread, TimeSpan RetryAfter)> OpenAsync(string? code, ClientOrigin client, CancellationToken cancellationToken)
    {
        var decision = limiter.CountLookup(client);
        if (!decision.Allowed)
        {
            return (null, decision.RetryAfter);
        }

        return (await ThreadAsync(code, cancellationToken).ConfigureAwait(false), TimeSpan.Zero);
    }

    /// <summary>
    /// Adds the resident's answer. The form's token makes it exactly once: the same form sent again changes nothing and
    /// shows the thread as it is. An answer that breaks a rule is not counted against the limit, so a resident who
    /// fixes a too-long answer is not locked out by it.
    /// </summary>
    public async Task<AnswerResult> AnswerAsync(string? code, string? text, string? token, ClientOrigin client, CancellationToken cancellationToken)
    {
        var thread = await ThreadAsync(code, cancellationToken).ConfigureAwait(false);
        if (thread is null || !TipReference.TryParse(code, out var reference))
        {
            // Unknown codes cost a lookup, so answering cannot be used to guess codes faster than looking them up.
            var lookup = limiter.CountLookup(client);
            return new AnswerResult(null, AnswerProblem.None, null, TipCheck.Nothing, lookup.Allowed ? TimeSpan.Zero : lookup.RetryAfter);
        }

        var answer = VisibleText.Normalise(text ?? string.Empty).Trim();
        var problem = answer.Length == 0 ? AnswerProblem.Missing
            : TipLimits.LengthOf(answer) > MaxAnswerLength ? AnswerProblem.TooLong
            : !ConversationStore.IsToken(token) ? AnswerProblem.Resend
            : AnswerProblem.None;
        if (problem != AnswerProblem.None)
        {
            return new AnswerResult(null, problem, thread, TipCheck.Nothing, TimeSpan.Zero);
        }

        var decision = limiter.CountTip(client);
        if (!decision.Allowed)
        {
            return new AnswerResult(null, AnswerProblem.None, thread, TipCheck.Nothing, decision.RetryAfter);
        }

        var receipt = await receipts.FindAsync(reference, cancellationToken).ConfigureAwait(false);
        var outcome = receipt is null
            ? MessageOutcome.NotFound
            : await conversation.AddAsync(receipt.Partition, reference.Value, ThreadMessage.Resident, answer, token!, cancellationToken).ConfigureAwait(false);
        var check = outcome == MessageOutcome.Added ? checker.Check(answer, null) : TipCheck.Nothing;
        return new AnswerResult(outcome, AnswerProblem.None, await ThreadAsync(code, cancellationToken).ConfigureAwait(false) ?? thread, check, TimeSpan.Zero);
    }

    private async Task<ResidentThread?> ThreadAsync(string? code, CancellationToken cancellationToken)
    {
        if (await status.FindAsync(code, cancellationToken).ConfigureAwait(false) is not { } found
            || !TipReference.TryParse(code, out var reference)
            || await receipts.FindAsync(reference, cancellationToken).ConfigureAwait(false) is not { } receipt)
        {
            return null;
        }

        var stored = await tips.ReadTipAsync(receipt.Partition, reference.Value, cancellationToken).ConfigureAwait(false);
        var messages = stored is null || stored.RemovedAt is not null
            ? []
            : await conversation.ReadAsync(receipt.Partition, reference.Value, cancellationToken).ConfigureAwait(false);
        var thread = ThreadMessage.Thread(stored is { RemovedAt: null } ? stored.Reply : null, stored?.ReceivedAt ?? default, messages);
        var block = stored is null || stored.RemovedAt is not null ? AnswerBlock.NotStored
            : found.Status == TipStage.Closed ? AnswerBlock.Closed
            : messages.Count >= ConversationStore.MaxMessages ? AnswerBlock.Full
            : AnswerBlock.None;
        return new ResidentThread(found, thread, block, ConversationStore.NewToken());
    }
}
