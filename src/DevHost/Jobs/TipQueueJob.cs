using Azure.Storage.Queues.Models;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Functions;
using WebJobs = Microsoft.Azure.WebJobs;

namespace Grastorp.Intake.DevHost.Jobs;

/// <summary>The WebJobs queue trigger for <see cref="ClassifyTip"/>: same queue, same message, same function.</summary>
public sealed class TipQueueJob(ClassifyTip function)
{
    [WebJobs.FunctionName(nameof(ClassifyTip))]
    public Task RunAsync(
        [WebJobs.QueueTrigger(StorageNames.TipsQueue, Connection = StorageNames.Connection)] QueueMessage message,
        CancellationToken cancellationToken) =>
        function.Run(message, cancellationToken);
}
