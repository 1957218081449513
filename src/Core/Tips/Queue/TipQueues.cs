using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.Core.Tips.Queue;

/// <summary>
/// The <c>tips</c> queue and its poison queue, the only place that knows the message format. The clients use Base64
/// message encoding, which is what the Functions and WebJobs queue triggers expect.
/// </summary>
public sealed class TipQueues(QueueServiceClient service)
{
    /// <summary>
    /// Time-to-live -1: a message never expires. With the default 7 days, a queue function down for a week would lose
    /// every tip waiting; retention, not the queue, decides when a tip goes.
    /// </summary>
    internal static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly CreatedOnce<QueueClient> _tips = Create(service, StorageNames.TipsQueue);
    private readonly CreatedOnce<QueueClient> _poison = Create(service, StorageNames.TipsPoisonQueue);

    public async Task SendAsync(ReceivedTip tip, CancellationToken cancellationToken)
    {
        var queue = await _tips.GetAsync().ConfigureAwait(false);
        await queue.SendMessageAsync(TipMessageCodec.Encode(TipMessage.From(tip)), visibilityTimeout: null, NeverExpires, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parks a message no retry can help, exactly as it arrived, where the poisoned ones are looked at.</summary>
    public async Task SendToPoisonAsync(string messageText, CancellationToken cancellationToken)
    {
        var queue = await _poison.GetAsync().ConfigureAwait(false);
        await queue.SendMessageAsync(messageText, visibilityTimeout: null, NeverExpires, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>At most this many poisoned messages are looked at per call: an operator's tool, bounded.</summary>
    public const int PoisonPageSize = 32;

    /// <summary>The poisoned messages, oldest first, without their content.</summary>
    public async Task<IReadOnlyList<PoisonedTip>> ListPoisonedAsync(CancellationToken cancellationToken)
    {
        var queue = await _poison.GetAsync().ConfigureAwait(false);
        var peeked = await queue.PeekMessagesAsync(PoisonPageSize, cancellationToken).ConfigureAwait(false);
        return [.. peeked.Value.Select(m => Describe(m.MessageText, m.InsertedOn))];
    }

    /// <summary>Whether the tip of a reference is among the poisoned messages (a bounded peek; poison is rare).</summary>
    public async Task<bool> IsPoisonedAsync(string reference, CancellationToken cancellationToken)
    {
        var queue = await _poison.GetAsync().ConfigureAwait(false);
        var peeked = await queue.PeekMessagesAsync(PoisonPageSize, cancellationToken).ConfigureAwait(false);
        return peeked.Value.Any(m => Describe(m.MessageText, m.InsertedOn).Reference == reference);
    }

    /// <summary>
    /// Moves poisoned messages (all, or the one of <paramref name="reference"/>) back to the tips queue as they are,
    /// sending before deleting: a crash in between leaves a copy in both, which the tip store counts once.
    /// </summary>
    public async Task<int> ReplayPoisonedAsync(string? reference, CancellationToken cancellationToken)
    {
        var tips = await _tips.GetAsync().ConfigureAwait(false);
        return await TakePoisonedAsync(
            reference,
            message => tips.SendMessageAsync(message.MessageText, visibilityTimeout: null, NeverExpires, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A resident's request to remove their tip while it is poisoned (never counted, so only the message holds it):
    /// deletes the poisoned message of <paramref name="reference"/>; returns how many went (0 if it is not there).
    /// </summary>
    public Task<int> RemovePoisonedAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        return TakePoisonedAsync(reference, _ => Task.CompletedTask, cancellationToken);
    }

    /// <summary>
    /// Takes a page of poisoned messages; each of <paramref name="reference"/> (or every one, for null) is handed to
    /// <paramref name="take"/> and then deleted, the others are made visible again at once.
    /// </summary>
    private async Task<int> TakePoisonedAsync(string? reference, Func<QueueMessage, Task> take, CancellationToken cancellationToken)
    {
        var poison = await _poison.GetAsync().ConfigureAwait(false);
        var received = await poison.ReceiveMessagesAsync(PoisonPageSize, TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
        var taken = 0;
        foreach (var message in received.Value)
        {
            if (reference is not null && Describe(message.MessageText, message.InsertedOn).Reference != reference)
            {
                await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
                continue;
            }

            await take(message).ConfigureAwait(false);
            await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            taken++;
        }

        return taken;
    }

    /// <summary>
    /// Retention: deletes at most about <paramref name="limit"/> poisoned messages whose tip was received (or, for an
    /// unreadable one, which was poisoned) before <paramref name="cutoff"/>; they hold the resident's text and
    /// contact. Messages are taken in pages and hidden meanwhile; the younger ones are made visible again at once.
    /// The queue is roughly oldest first, so a page with nothing to delete ends the run.
    /// </summary>
    public async Task<int> RemovePoisonedOlderThanAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var poison = await _poison.GetAsync().ConfigureAwait(false);
        var kept = new List<(string Id, string PopReceipt)>();
        var removed = 0;
        try
        {
            for (var page = 0; page < (limit + PoisonPageSize - 1) / PoisonPageSize; page++)
            {
                var received = await poison.ReceiveMessagesAsync(PoisonPageSize, TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
                var expiredInPage = 0;
                foreach (var message in received.Value)
                {
                    if (ReceivedAtOf(message.MessageText, message.InsertedOn) < cutoff)
                    {
                        await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
                        removed++;
                        expiredInPage++;
                    }
                    else
                    {
                        kept.Add((message.MessageId, message.PopReceipt));
                    }
                }

                if (received.Value.Length < PoisonPageSize || expiredInPage == 0)
                {
                    break;
                }
            }
        }
        finally
        {
            foreach (var (id, popReceipt) in kept)
            {
                // Visible again for the operator's list and replay; never cancelled half-way.
                await poison.UpdateMessageAsync(id, popReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
        }

        return removed;
    }

    /// <summary>When the tip of a poisoned message was received; for an unreadable one, when it reached the queue.</summary>
    private static DateTimeOffset ReceivedAtOf(string messageText, DateTimeOffset? insertedOn)
    {
        try
        {
            return TipMessageCodec.Decode(messageText).ReceivedAt;
        }
        catch (UnreadableTipMessageException)
        {
            return insertedOn ?? DateTimeOffset.MaxValue;
        }
    }

    private static PoisonedTip Describe(string messageText, DateTimeOffset? insertedOn)
    {
        try
        {
            var message = TipMessageCodec.Decode(messageText);
            return new PoisonedTip(message.Reference, "failed every try (readable; replay once the cause is fixed)", insertedOn);
        }
        catch (UnreadableTipMessageException e)
        {
            // The codec's reasons name fields and paths, never values.
            return new PoisonedTip(null, "unreadable: " + e.Message, insertedOn);
        }
    }

    private static CreatedOnce<QueueClient> Create(QueueServiceClient service, string name) =>
        new(service.GetQueueClient(name), queue => queue.CreateIfNotExistsAsync());
}
