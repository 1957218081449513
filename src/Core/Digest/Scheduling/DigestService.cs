using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Delivery;
using Grastorp.Intake.Core.Digest.Ledger;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Digest.Scheduling;

/// <summary>
/// What the digest timer calls at every firing: if last week's digest is due in Swedish time, send it once per
/// recipient list, after any earlier week that was never sent (<see cref="DigestCatchUp"/>). Extra firings, and a
/// second instance, find the sent-digest record and do nothing.
/// </summary>
public sealed partial class DigestService(
    DigestSchedule schedule,
    DigestLedger ledger,
    DigestComposer composer,
    DigestMessageFactory messages,
    IDigestSender sender,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestService> logger)
{
    /// <summary>Runs every recipient list; one list failing does not stop the others, and the failures are thrown together at the end.</summary>
    public async Task<IReadOnlyList<DigestRun>> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (schedule.DueWeek(now) is not { } due)
        {
            LogNotDue(logger, now);
            return [new DigestRun(null, null, DigestOutcome.NotDue)];
        }

        var runs = new List<DigestRun>();
        var failures = new List<Exception>();
        foreach (var list in options.Value.Recipients)
        {
            var catchUp = options.Value.CatchUpWeeks;
            var sent = await ledger.SentWeeksAsync(list.Id, DigestCatchUp.FirstOfWindow(due, catchUp), due, cancellationToken).ConfigureAwait(false);
            foreach (var week in DigestCatchUp.WeeksToSend(due, catchUp, sent))
            {
                try
                {
                    var run = await SendWeekAsync(week, list, cancellationToken).ConfigureAwait(false);
                    runs.Add(run);
                    if (run.Outcome == DigestOutcome.InProgress)
                    {
                        // Another instance is sending this week and goes on to the later ones in order; a later week
                        // sent now would take its late-tip cut-off from a week not yet confirmed.
                        break;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Later weeks of this list wait for the next firing, which starts again from this one (oldest first).
                    // Only safe words are logged or thrown on: a mail server's message may quote an address.
                    var failure = DeliveryFailure.Describe(e);
                    LogFailed(logger, week, list.Id, failure);
                    failures.Add(new DigestSendFailedException(week, list.Id, failure));
                    break;
                }
            }
        }

        return failures.Count == 0 ? runs : throw new AggregateException("A weekly digest could not be sent; the next firing tries again.", failures);
    }

    /// <summary>Claims, composes, sends and confirms one week's digest for one list; a failed send gives the claim back.</summary>
    public async Task<DigestRun> SendWeekAsync(WeekId week, DigestRecipientList list, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        var (claim, refusal) = await ledger.TryClaimAsync(week, list.Id, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            var outcome = refusal == ClaimRefusal.AlreadySent ? DigestOutcome.AlreadySent : DigestOutcome.InProgress;
            LogSkipped(logger, week, list.Id, outcome);
            return new DigestRun(week, list.Id, outcome);
        }

        WeeklyDigest digest;
        try
        {
            // Read after the claim: the claim time is the late-tip cut-off of the next week's digest.
            digest = await composer.ComposeAsync(week, list, cancellationToken).ConfigureAwait(false);
            var message = await messages.CreateAsync(digest, resend: 0, cancellationToken).ConfigureAwait(false);
            await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseQuietlyAsync(claim, week, list.Id).ConfigureAwait(false);
            throw;
        }

        // Sent: from here on the claim is never released, so a failure to record cannot cause a second send
        // before the claim times out.
        if (!await ledger.MarkSentAsync(claim, digest.TipCount, cancellationToken).ConfigureAwait(false))
        {
            LogClaimLost(logger, week, list.Id);
        }

        LogSent(logger, week, list.Id, digest.TipCount);
        return new DigestRun(week, list.Id, DigestOutcome.Sent);
    }

    private async Task ReleaseQuietlyAsync(SentDigestEntity claim, WeekId week, string listId)
    {
        try
        {
            await ledger.ReleaseAsync(claim).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The send's own exception matters more; an unreleased claim only delays the retry until it times out.
            LogReleaseFailed(logger, week, listId, DeliveryFailure.Describe(e));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No digest due at {Now} (due Mondays from the configured Swedish time)")]
    private static partial void LogNotDue(ILogger logger, DateTimeOffset now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Week} for {RecipientList} not sent now: {Outcome}")]
    private static partial void LogSkipped(ILogger logger, WeekId week, string recipientList, DigestOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Week} for {RecipientList} sent with {TipCount} tips")]
    private static partial void LogSent(ILogger logger, WeekId week, string recipientList, int tipCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest {Week} for {RecipientList} failed ({Failure}); the next firing tries again")]
    private static partial void LogFailed(ILogger logger, WeekId week, string recipientList, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Week} for {RecipientList} could not release its claim ({Failure}); a retry waits for the claim timeout")]
    private static partial void LogReleaseFailed(ILogger logger, WeekId week, string recipientList, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Week} for {RecipientList} was sent, but another instance had taken over the claim: it may be sent twice")]
    private static partial void LogClaimLost(ILogger logger, WeekId week, string recipientList);
}
