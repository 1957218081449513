using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Poisoning;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips.Queue;
using Microsoft.Extensions.Logging;

namespace Grastorp.Intake.Core.Tips.Processing;

/// <summary>
/// Handles one message from the <c>tips</c> queue: classify, then store and count once. A failure other than an
/// unreadable message is thrown, so the host retries the message and, after five dequeues, poisons it.
/// </summary>
public sealed partial class TipProcessor(
    ITipClassifier classifier,
    TipStore store,
    TipQueues queue,
    MunicipalityCatalog municipalities,
    PoisonLedger poisoned,
    PromiseCatalog promises,
    ILogger<TipProcessor> logger)
{
    public async Task<ProcessOutcome> ProcessAsync(string messageText, string messageId, long dequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        TipMessage tip;
        try
        {
            tip = TipMessageCodec.Decode(messageText);
            EnsureCountable(tip);
        }
        catch (UnreadableTipMessageException e)
        {
            await queue.SendToPoisonAsync(messageText, cancellationToken).ConfigureAwait(false);
            await poisoned.RecordAsync(messageId, dequeueCount, "unreadable", cancellationToken).ConfigureAwait(false);
            LogPoisoned(logger, messageId, e.Message);
            return ProcessOutcome.Poisoned;
        }

        RecordOutcome outcome;
        TipClassification classification;
        IReadOnlyList<string> commitments;
        try
        {
            classification = classifier.Classify(tip.Text);
            var received = tip.ToReceivedTip();
            commitments = promises.Link(received.Municipality, received.Partition.Week.Year, classification);
            outcome = await store.RecordAsync(received, classification, commitments, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (dequeueCount >= PoisonLedger.HostMaxDequeueCount && e is not OperationCanceledException)
        {
            // The host moves the message to the poison queue after this try; record it now, as nothing runs then.
            // The type names the failure without quoting the tip (exception messages may).
            await poisoned.RecordAsync(messageId, dequeueCount, e.GetType().Name, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (outcome == RecordOutcome.AlreadyCounted)
        {
            LogAlreadyCounted(logger, tip.Reference, messageId, dequeueCount);
            return ProcessOutcome.AlreadyCounted;
        }

        LogClassified(logger, tip.Reference, classification.Primary, classification.Themes.Count, commitments.Count);
        return ProcessOutcome.Counted;
    }

    /// <summary>
    /// A message the intake could not have written (hand-made, or from a release with other settings) would be
    /// counted where no stats or digest ever look, or fail the table write five times: it is poisoned at once.
    /// </summary>
    private void EnsureCountable(TipMessage tip)
    {
        if (!municipalities.TryFind(tip.Municipality, out var municipality) || municipality.Id != tip.Municipality)
        {
            throw new UnreadableTipMessageException("the municipality is not one of Municipalities:Ids");
        }

        if (tip.ReceivedAt < TipLimits.EarliestObservation || TipLimits.LengthOf(tip.Text) > TipLimits.MaxTextLength)
        {
            throw new UnreadableTipMessageException("the receive time or the text length is out of range");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue message {MessageId} moved to " + StorageNames.TipsPoisonQueue + " unprocessed: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip {Reference} classified as {Theme} ({ThemeCount} themes, {CommitmentCount} commitments) and counted")]
    private static partial void LogClassified(ILogger logger, string reference, string theme, int themeCount, int commitmentCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tip {Reference} was already counted; message {MessageId} (dequeue {DequeueCount}) changed nothing")]
    private static partial void LogAlreadyCounted(ILogger logger, string reference, string messageId, long dequeueCount);
}
