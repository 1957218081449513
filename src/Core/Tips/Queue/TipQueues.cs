using Azure.Storage.Queues;
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

    private static CreatedOnce<QueueClient> Create(QueueServiceClient service, string name) =>
        new(service.GetQueueClient(name), queue => queue.CreateIfNotExistsAsync());
}
