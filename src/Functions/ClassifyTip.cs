using Azure.Storage.Queues.Models;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips.Processing;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>Classifies a queued tip and stores and counts it once. Failures are retried by the host, then poisoned.</summary>
public sealed class ClassifyTip(TipProcessor processor)
{
    [Function(nameof(ClassifyTip))]
    public async Task Run(
        [QueueTrigger(StorageNames.TipsQueue, Connection = StorageNames.Connection)] QueueMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await processor.ProcessAsync(message.MessageText, message.MessageId, message.DequeueCount, cancellationToken);
    }
}
