using Azure.Storage.Queues;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Core.Tests.Tips.Queue;

public sealed class TipQueuesTests
{
    [Fact]
    public async Task Tips_and_poisoned_messages_are_queued_to_never_expire()
    {
        var time = IntakeTestServices.InWeek48();
        using var services = IntakeTestServices.Create(time);
        var queues = services.GetRequiredService<TipQueues>();
        var cancel = TestContext.Current.CancellationToken;
        var tip = new ReceivedTip(TipReference.New().Value, time.GetUtcNow(), "vara", TipKind.Tip, "Det langas knark vid skolan.", null, null, null);

        await queues.SendAsync(tip, cancel);
        await queues.SendToPoisonAsync("{}", cancel);

        var service = services.GetRequiredService<QueueServiceClient>();
        foreach (var name in new[] { StorageNames.TipsQueue, StorageNames.TipsPoisonQueue })
        {
            var message = Assert.Single((await service.GetQueueClient(name).PeekMessagesAsync(10, cancel)).Value);
            Assert.Equal(DateTimeOffset.MaxValue.Year, message.ExpiresOn?.Year);
        }
    }
}
