using Azure;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Privacy;
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
    PersonalDataDetector personalData,
    ILogger<TipIntakeService> logger)
{
    public async Task<SubmitOutcome> SubmitAsync(TipRequest request, CancellationToken cancellationToken)
    {
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
            // is stored or queued; only the fact is logged, never what it sent.
            LogHoneypot(logger);
            return new SubmitOutcome.Accepted(TipReference.New(), SwedishTime.WeekOf(time.GetUtcNow()), []) { Language = language };
        }

        var validation = validator.Validate(fields, language);
        if (!validation.IsValid)
        {
            LogInvalid(logger, validation.Errors.Keys);
            return new SubmitOutcome.Invalid(validation.Errors) { Language = language, Answers = fields };
        }

        var content = validation.Tip!;
        var receivedAt = time.GetUtcNow();
        var partition = TipPartition.Of(content.Municipality.Id, receivedAt);
        var reference = await receipts.IssueAsync(partition, receivedAt, cancellationToken).ConfigureAwait(false);
        try
        {
            await queue.SendAsync(ReceivedTip.From(reference, receivedAt, content), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await WithdrawReceiptAsync(reference, e).ConfigureAwait(false);
            throw;
        }

        LogReceived(logger, reference.Value, partition.Key);
        // The place counts too ("utanför Storgatan 5B"); no pattern reaches across the line break between them.
        var kinds = personalData.Find($"{content.Text}\n{content.Place}").Select(f => f.Kind).Distinct().Order().ToList();
        return new SubmitOutcome.Accepted(reference, partition.Week, kinds) { Language = language };
    }

    /// <summary>
    /// The resident gets an error and no reference, so the receipt must not claim the tip was received. (If the
    /// queue did take the message despite the error, the tip is still counted; only its status check is lost.)
    /// </summary>
    private async Task WithdrawReceiptAsync(TipReference reference, Exception sendFailure)
    {
        LogEnqueueFailed(logger, sendFailure, reference.Value);
        try
        {
            await receipts.WithdrawAsync(reference).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            LogReceiptNotWithdrawn(logger, e, reference.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Tip {Reference} could not be queued; the resident was told to try again")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The receipt of unqueued tip {Reference} could not be withdrawn")]
    private static partial void LogReceiptNotWithdrawn(ILogger logger, Exception exception, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip {Reference} received into {Partition}")]
    private static partial void LogReceived(ILogger logger, string reference, string partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip refused: {Refusal}")]
    private static partial void LogRefused(ILogger logger, string refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip dropped: the honeypot field was filled; nothing was queued")]
    private static partial void LogHoneypot(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip refused: invalid fields {Fields}")]
    private static partial void LogInvalid(ILogger logger, IEnumerable<string> fields);
}
