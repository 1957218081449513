using Azure;
using Grastorp.Intake.Core.Abuse;
using Grastorp.Intake.Core.Abuse.RateLimiting;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Tips.Check;
using Grastorp.Intake.Core.Tips.Queue;
using Grastorp.Intake.Core.Tips.Receipts;
using Microsoft.Extensions.Logging;

namespace Grastorp.Intake.Core.Tips.Intake;

/// <summary>Takes a resident's submission: reads and validates it, gives it a reference and puts it on the queue.</summary>
public sealed partial class TipIntakeService(
    TipValidator validator,
    ReceiptStore receipts,
    TipQueues queue,
    TimeProvider time,
    ReferencePseudonyms references,
    CrossSiteFormPolicy crossSite,
    ClientRateLimiter rateLimiter,
    TipChecker checker,
    ILogger<TipIntakeService> logger)
{
    private static bool IsForm(string? contentType) =>
        contentType is not null && contentType.TrimStart().StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>All storage work of one submission, retries included, fits in this, so a resident hears back within 5 s.</summary>
    internal static readonly TimeSpan StorageBudget = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan WithdrawBudget = TimeSpan.FromSeconds(1.5);

    /// <summary>What a 503 asks the client to wait before trying again.</summary>
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    public async Task<SubmitOutcome> SubmitAsync(TipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsForm(request.ContentType) && !crossSite.Allows(request.Source))
        {
            LogCrossSite(logger);
            return new SubmitOutcome.CrossSite { Language = Languages.FromAcceptLanguage(request.AcceptLanguage) };
        }

        var (fields, refusal) = await TipRequestReader.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                LogRefused(logger, refusal.GetType().Name);
            }

            return refusal;
        }

        var language = fields!.TryGetValue(TipFields.Language, out var lang) ? Languages.FromCode(lang) : Languages.FromAcceptLanguage(request.AcceptLanguage);
        if (!string.IsNullOrWhiteSpace(fields.GetValueOrDefault(TipFields.Honeypot)))
        {
            // A bot filled the field no person sees. It gets a receipt like anyone (so it learns nothing) and nothing
            // is stored or queued; only the fact is logged, never what it sent. It counts against the client's window
            // all the same, so a bot that keeps filling it is soon refused its real posts too.
            LogHoneypot(logger);
            rateLimiter.CountTip(request.Client);
            return new SubmitOutcome.Accepted(TipReference.New(), SwedishTime.WeekOf(time.GetUtcNow()), TipCheck.Nothing) { Language = language };
        }

        var validation = validator.Validate(fields, language);
        if (!validation.IsValid)
        {
            LogInvalid(logger, validation.Errors.Keys);
            return new SubmitOutcome.Invalid(validation.Errors) { Language = language, Answers = fields };
        }

        try
        {
            var outcome = await KeepAsync(validation.Tip!, request, language, cancellationToken).ConfigureAwait(false);
            return outcome is SubmitOutcome.TooMany tooMany ? tooMany with { Answers = fields } : outcome;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (StorageFaults.IsOutage(e) || e is OperationCanceledException))
        {
            // Storage is down or too slow: the resident hears so within the budget, and nothing was kept.
            LogStorageUnavailable(logger, e.GetType().Name);
            return new SubmitOutcome.Unavailable(RetryAfter) { Language = language, Answers = fields };
        }
    }

    private async Task<SubmitOutcome> KeepAsync(TipContent content, TipRequest request, Language language, CancellationToken cancellationToken)
    {
        // Counted only once the tip is valid: a typo corrected on the form again costs the resident nothing.
        var decision = rateLimiter.CountTip(request.Client);
        if (!decision.Allowed)
        {
            LogRateLimited(logger, decision.RetryAfter);

            return new SubmitOutcome.TooMany(decision.RetryAfter) { Language = language };
        }

        using var budget = new CancellationTokenSource(StorageBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var receivedAt = time.GetUtcNow();
        var partition = TipPartition.Of(content.Municipality.Id, receivedAt);
        var reference = await receipts.IssueAsync(partition, receivedAt, linked.Token).ConfigureAwait(false);
        // Checked once: the receipt's 112 cue and the flag stored with the tip for staff are the same answer.
        var check = checker.Check(content.Text, content.Place);
        try
        {
            await queue.SendAsync(ReceivedTip.From(reference, receivedAt, content) with { Emergency = check.Emergency }, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await WithdrawReceiptAsync(reference, e).ConfigureAwait(false);
            throw;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            // The pseudonym is an HMAC: worked out only for a line that is written.
            var referenceHash = references.Pseudonym(reference.Value);
            LogReceived(logger, referenceHash, partition.Key);
        }

        return new SubmitOutcome.Accepted(reference, partition.Week, check) { Language = language };
    }

    /// <summary>
    /// The resident gets an error and no reference, so the receipt must not claim the tip was received. (If the
    /// queue did take the message despite the error, the tip is still counted; only its status check is lost.)
    /// </summary>
    private async Task WithdrawReceiptAsync(TipReference reference, Exception sendFailure)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            LogEnqueueFailed(logger, sendFailure.GetType().Name, references.Pseudonym(reference.Value));
        }
        try
        {
            using var budget = new CancellationTokenSource(WithdrawBudget, time);
            await receipts.WithdrawAsync(reference, budget.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException || StorageFaults.IsOutage(e))
        {
            // Harmless but untidy: nobody holds this reference, and retention removes the receipt with the others.
            if (logger.IsEnabled(LogLevel.Warning))
            {
                LogReceiptNotWithdrawn(logger, e.GetType().Name, references.Pseudonym(reference.Value));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Tip {ReferenceHash} could not be queued ({Failure}); the resident was told to try again")]
    private static partial void LogEnqueueFailed(ILogger logger, string failure, string referenceHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The receipt of unqueued tip {ReferenceHash} could not be withdrawn ({Failure})")]
    private static partial void LogReceiptNotWithdrawn(ILogger logger, string failure, string referenceHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip refused: a form post from another site")]
    private static partial void LogCrossSite(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable at intake ({Failure}); answered 503")]
    private static partial void LogStorageUnavailable(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip {ReferenceHash} received into {Partition}")]
    private static partial void LogReceived(ILogger logger, string referenceHash, string partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip refused: {Refusal}")]
    private static partial void LogRefused(ILogger logger, string refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip dropped: the honeypot field was filled; nothing was queued")]
    private static partial void LogHoneypot(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip refused: the client is over the rate limit; retry after {RetryAfter}")]
    private static partial void LogRateLimited(ILogger logger, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip refused: invalid fields {Fields}")]
    private static partial void LogInvalid(ILogger logger, IEnumerable<string> fields);
}
