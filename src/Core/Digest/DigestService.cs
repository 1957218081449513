using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Digest;

/// <summary>
/// What the digest timer calls at every firing: if last week's digest is due in Swedish time, compose and send it
/// once per recipient list. Extra firings, and a second instance, find the sent-digest record and do nothing.
/// </summary>
public sealed partial class DigestService(
    DigestSchedule schedule,
    DigestLedger ledger,
    DigestComposer composer,
    IDigestSender sender,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestService> logger)
{
    public async Task<IReadOnlyList<DigestRun>> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (schedule.DueWeek(now) is not { } week)
        {
            LogNotDue(logger, now);
            return [new DigestRun(null, null, DigestOutcome.NotDue)];
        }

        var runs = new List<DigestRun>();
        foreach (var list in options.Value.Recipients)
        {
            var (claim, refusal) = await ledger.TryClaimAsync(week, list.Id, cancellationToken).ConfigureAwait(false);
            if (claim is null)
            {
                LogSkipped(logger, week, list.Id, refusal);
                runs.Add(new DigestRun(week, list.Id, refusal));
                continue;
            }

            try
            {
                var digest = await composer.ComposeAsync(week, list, cancellationToken).ConfigureAwait(false);
                await sender.SendAsync(digest, cancellationToken).ConfigureAwait(false);
                await ledger.MarkSentAsync(claim, digest.TipCount, cancellationToken).ConfigureAwait(false);
                LogSent(logger, week, list.Id, digest.TipCount);
                runs.Add(new DigestRun(week, list.Id, DigestOutcome.Sent));
            }
            catch
            {
                await ledger.ReleaseAsync(claim).ConfigureAwait(false);
                throw;
            }
        }

        return runs;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No digest due at {Now} (due Mondays from the configured Swedish time)")]
    private static partial void LogNotDue(ILogger logger, DateTimeOffset now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Week} for {RecipientList} not sent now: {Outcome}")]
    private static partial void LogSkipped(ILogger logger, Calendar.WeekId week, string recipientList, DigestOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Week} for {RecipientList} sent with {TipCount} tips")]
    private static partial void LogSent(ILogger logger, Calendar.WeekId week, string recipientList, int tipCount);
}
