using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Core.Tips.Processing;
using Grastorp.Intake.Core.Tips.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grastorp.Intake.Core.Tests.Tips;

/// <summary>
/// What a resident wrote never reaches a log line, on any path through intake and processing: accepted, refused for
/// a field, counted, counted twice and poisoned. The tip carries personal data about someone else in text and place,
/// and the resident's own contact.
/// </summary>
public sealed class TipLoggingTests : IDisposable
{
    private const string Text = "Han heter Nils, personnummer 19811218-9876, och säljer från bilen ABC 123 vid skolan.";
    private const string Place = "Utanför Storgatan 5B";
    private const string Contact = "072-555 12 34";

    private static readonly string[] Written = [Text, "19811218-9876", "ABC 123", "Han heter Nils", "säljer från bilen", Place, "Storgatan 5B", Contact, "0725551234"];

    private readonly CapturedLogs _logs = new();
    private readonly ServiceProvider _services;

    public TipLoggingTests()
    {
        _services = IntakeTestServices.Create(IntakeTestServices.InWeek48(), configure: s => s.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)));
    }

    private async Task<SubmitOutcome> SubmitAsync(string municipality)
    {
        var json = JsonSerializer.Serialize(new { text = Text, place = Place, contact = Contact, consent = "ja", municipality });
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await _services.GetRequiredService<TipIntakeService>().SubmitAsync(new TipRequest("application/json", body.Length, body), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task No_log_line_holds_the_text_place_or_contact_of_a_tip()
    {
        Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync("grastorp"));
        Assert.IsNotType<SubmitOutcome.Accepted>(await SubmitAsync("lidkoping"));

        var queue = _services.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.TipsQueue);
        var queued = (await queue.ReceiveMessageAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;
        var processor = _services.GetRequiredService<TipProcessor>();
        Assert.Equal(ProcessOutcome.Counted, await processor.ProcessAsync(queued.MessageText, queued.MessageId, 1, TestContext.Current.CancellationToken));
        await processor.ProcessAsync(queued.MessageText, queued.MessageId, 2, TestContext.Current.CancellationToken);
        var unreadable = JsonSerializer.Serialize(new { v = 99, reference = "0123456789", text = Text, place = Place, contact = Contact, municipality = "grastorp" });
        Assert.Equal(ProcessOutcome.Poisoned, await processor.ProcessAsync(unreadable, "message-2", 1, TestContext.Current.CancellationToken));

        var lines = _logs.Lines;
        // Every path above logged something, so the check below looks at real lines.
        Assert.Contains(lines, l => l.Contains("received into", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("invalid fields", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("classified as", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("already counted", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("unprocessed", StringComparison.Ordinal));
        foreach (var value in Written)
        {
            Assert.DoesNotContain(lines, l => l.Contains(value, StringComparison.OrdinalIgnoreCase));
        }
    }

    public void Dispose()
    {
        _services.Dispose();
        _logs.Dispose();
    }
}
