using System.Text;
using Azure.Storage.Queues;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Core.Tips.Processing;
using Grastorp.Intake.Core.Tips.Queue;
using Grastorp.Intake.Core.Tips.Status;
using Microsoft.Extensions.DependencyInjection;
using Grastorp.Intake.Core.Tips.Store.Reading;

namespace Grastorp.Intake.Core.Tests.Tips;

/// <summary>Intake, queue, processing and status against Azurite, without a host.</summary>
public sealed class TipPipelineTests : IDisposable
{
    private readonly ServiceProvider _services = IntakeTestServices.Create(IntakeTestServices.InWeek48());

    private QueueClient Queue(string name) => _services.GetRequiredService<QueueServiceClient>().GetQueueClient(name);

    private async Task<SubmitOutcome> SubmitAsync(string json)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await _services.GetRequiredService<TipIntakeService>().SubmitAsync(new TipRequest("application/json", body.Length, body), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_submitted_tip_is_queued_as_a_versioned_message_and_its_status_is_received()
    {
        var outcome = await SubmitAsync("""{"text":"Det langas knark vid skolan på kvällarna.","municipality":"essunga","contact":"070-1234567"}""");

        var accepted = Assert.IsType<SubmitOutcome.Accepted>(outcome);
        var queued = (await Queue(StorageNames.TipsQueue).ReceiveMessageAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;
        var message = TipMessageCodec.Decode(queued.MessageText);
        Assert.Equal(TipMessage.CurrentVersion, message.Version);
        Assert.Equal(accepted.Reference.Value, message.Reference);
        Assert.Equal("essunga", message.Municipality);
        Assert.Null(message.Contact);

        var status = await _services.GetRequiredService<TipStatusService>().FindAsync(accepted.Reference.Value.ToLowerInvariant(), TestContext.Current.CancellationToken);
        Assert.Equal(new TipStatus(TipStatus.Received, WeekId.Parse("2026-W48", null)), status);
    }

    [Fact]
    public async Task The_queue_message_is_Base64_as_the_queue_triggers_expect()
    {
        var accepted = Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync("""{"text":"Någon kör för fort på Storgatan varje kväll."}"""));

        // Read the raw bytes with a client that decodes nothing, as a trigger sees them on the wire.
        var queue = _services.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.TipsQueue);
        var raw = new QueueClient(queue.Uri, new Azure.Storage.StorageSharedKeyCredential(queue.AccountName, Environment.GetEnvironmentVariable("INTAKE_TEST_STORAGE_KEY")!), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var wire = (await raw.PeekMessageAsync(TestContext.Current.CancellationToken)).Value.Body.ToString();

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(wire));
        Assert.Equal(accepted.Reference.Value, TipMessageCodec.Decode(decoded).Reference);
    }

    [Fact]
    public async Task A_processed_tip_reports_classified_and_unknown_or_malformed_references_are_not_found()
    {
        var accepted = Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync("""{"text":"Inbrott i förrådet på Storgatan i natt."}"""));
        var queued = (await Queue(StorageNames.TipsQueue).ReceiveMessageAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;

        var outcome = await _services.GetRequiredService<TipProcessor>().ProcessAsync(queued.MessageText, queued.MessageId, 1, TestContext.Current.CancellationToken);

        Assert.Equal(ProcessOutcome.Counted, outcome);
        var statuses = _services.GetRequiredService<TipStatusService>();
        Assert.Equal(TipStatus.Classified, (await statuses.FindAsync(accepted.Reference.Value, TestContext.Current.CancellationToken))!.Status);
        Assert.Null(await statuses.FindAsync(TipReference.New().Value, TestContext.Current.CancellationToken));
        Assert.Null(await statuses.FindAsync("not-a-reference!", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"v":99,"reference":"0123456789","text":"x","municipality":"grastorp"}""")]
    [InlineData("""{"text":"no version"}""")]
    [InlineData("""{"v":1,"reference":"0123456789","receivedAt":"2026-11-24T10:00:00Z","municipality":"lidkoping","kind":"tip","text":"Inbrott i förrådet"}""")]
    [InlineData("""{"v":1,"reference":"0123456789","receivedAt":"1999-11-24T10:00:00Z","municipality":"vara","kind":"tip","text":"Inbrott i förrådet"}""")]
    public async Task An_unreadable_message_goes_to_poison_untouched_and_moves_no_counter(string messageText)
    {
        var outcome = await _services.GetRequiredService<TipProcessor>().ProcessAsync(messageText, "message-1", 1, TestContext.Current.CancellationToken);

        Assert.Equal(ProcessOutcome.Poisoned, outcome);
        var poisoned = (await Queue(StorageNames.TipsPoisonQueue).ReceiveMessageAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;
        Assert.Equal(messageText, poisoned.MessageText);
        var counts = await _services.GetRequiredService<TipWeekReader>().ReadCountsAsync(new TipPartition("grastorp", WeekId.Parse("2026-W48", null)), TestContext.Current.CancellationToken);
        Assert.Equal(0, counts.Tips);
    }

    [Fact]
    public async Task A_filled_honeypot_gets_a_receipt_but_nothing_is_written_or_queued()
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes("text=Det+langas+knark+vid+skolan.&website=http%3A%2F%2Fspam.example&lang=en"));
        var outcome = await _services.GetRequiredService<TipIntakeService>().SubmitAsync(
            new TipRequest("application/x-www-form-urlencoded", body.Length, body), TestContext.Current.CancellationToken);

        var accepted = Assert.IsType<SubmitOutcome.Accepted>(outcome);
        Assert.Equal(Grastorp.Intake.Core.Texts.Language.English, accepted.Language);
        Assert.False(await Queue(StorageNames.TipsQueue).ExistsAsync(TestContext.Current.CancellationToken)
            && (await Queue(StorageNames.TipsQueue).PeekMessagesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value.Length > 0);
        Assert.Null(await _services.GetRequiredService<TipStatusService>().FindAsync(accepted.Reference.Value, TestContext.Current.CancellationToken));
    }

    public void Dispose() => _services.Dispose();
}
