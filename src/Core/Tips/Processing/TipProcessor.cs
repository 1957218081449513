using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Poisoning;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Core.Tips.Queue;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Grastorp.Intake.Core.Tips.Store.Recording;

namespace Grastorp.Intake.Core.Tips.Processing;

/// <summary>
/// Handles one message from the <c>tips</c> queue: classify, then store and count once. A failure other than an
/// unreadable message is thrown, so the host retries the message and, after five dequeues, poisons it.
/// </summary>
public sealed partial class TipProcessor(
    ITipClassifier classifier,
    TipRecorder store,
    TipQueues queue,
    MunicipalityCatalog municipalities,
    ReferencePseudonyms references,
    PoisonLedger poisoned,
    PromiseCatalog promises,
    TipValidator validator,
    ILogger<TipProcessor> logger)
{
    /// <summary>
    /// Storage lost mid-function: the host's own retry cannot help, because putting the message back needs storage
    /// too (it stays invisible for the listener's 10 minutes). Waiting here, bounded well inside the function timeout,
    /// records the tip as soon as storage returns; the store's transaction makes a repeat harmless.
    /// </summary>
    private static readonly ResiliencePipeline OutageRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(StorageFaults.IsOutage),
            MaxRetryAttempts = 24,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(5),
        })
        .Build();

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
            // The reason names the rule or the fields, never their content.
            await poisoned.RecordAsync(messageId, dequeueCount, "unreadable: " + e.Message, cancellationToken).ConfigureAwait(false);
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
            outcome = await OutageRetry.ExecuteAsync(
                async token => await store.RecordAsync(received, classification, commitments, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (dequeueCount >= PoisonLedger.HostMaxDequeueCount && e is not OperationCanceledException)
        {
            // The host moves the message to the poison queue after this try; record it now, as nothing runs then.
            // The type names the failure without quoting the tip (exception messages may).
            await poisoned.RecordAsync(messageId, dequeueCount, e.GetType().Name, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var referenceHash = references.Pseudonym(tip.Reference);
        if (outcome == RecordOutcome.AlreadyCounted)
        {
            LogAlreadyCounted(logger, referenceHash, messageId, dequeueCount);
            return ProcessOutcome.AlreadyCounted;
        }

        LogClassified(logger, referenceHash, classification.Primary, classification.Themes.Count, commitments.Count);
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

        if (tip.ReceivedAt < TipLimits.EarliestObservation)
        {
            throw new UnreadableTipMessageException("the receive time is out of range");
        }

        // One rule set: the intake's validator, applied again to what the queue delivered.
        var refused = validator.Recheck(tip.ToReceivedTip());
        if (refused.Count > 0)
        {
            throw new UnreadableTipMessageException("the intake would refuse " + string.Join(", ", refused));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue message {MessageId} moved to " + StorageNames.TipsPoisonQueue + " unprocessed: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip {ReferenceHash} classified as {Theme} ({ThemeCount} themes, {CommitmentCount} commitments) and counted")]
    private static partial void LogClassified(ILogger logger, string referenceHash, string theme, int themeCount, int commitmentCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tip {ReferenceHash} was already counted; message {MessageId} (dequeue {DequeueCount}) changed nothing")]
    private static partial void LogAlreadyCounted(ILogger logger, string referenceHash, string messageId, long dequeueCount);
}
