using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Queue;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>Exactly-once counting through the real queue trigger, not just the store.</summary>
public sealed class ExactlyOnceTests : IDisposable
{
    private readonly DevHostFactory _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<int> TipsCountedAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/stats", Cancel)).GetProperty("all").GetProperty("total").GetProperty("tips").GetInt32();

    [Fact]
    public async Task The_same_queue_message_delivered_twice_counts_once()
    {
        var client = _host.CreateClient();
        var message = TipMessageCodec.Encode(new TipMessage
        {
            Version = TipMessage.CurrentVersion,
            Reference = TipReference.New().Value,
            ReceivedAt = TimeProvider.System.GetUtcNow(),
            Municipality = "essunga",
            Kind = TipKind.Tip,
            Text = "Inbrott i garaget på Storgatan i natt.",
        });
        var queue = _host.Queue(StorageNames.TipsQueue);
        await queue.CreateIfNotExistsAsync(cancellationToken: Cancel);

        await queue.SendMessageAsync(message, Cancel);
        await queue.SendMessageAsync(message, Cancel);
        await Eventually.GetAsync(async () => (await queue.GetPropertiesAsync(Cancel)).Value.ApproximateMessagesCount, count => count == 0);
        await Eventually.GetAsync(
            () => Task.FromResult(_host.Logs.Lines.Count(line => line.Contains("already counted", StringComparison.Ordinal) || line.Contains("and counted", StringComparison.Ordinal))),
            handled => handled >= 2);

        Assert.Equal(1, await TipsCountedAsync(client));
        Assert.Single(_host.Logs.Lines, line => line.Contains("was already counted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Twenty_tips_posted_at_once_are_all_counted()
    {
        var client = _host.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.PostAsJsonAsync("/api/tips", new { text = $"Bilar kör för fort förbi skolan, gång {i}." }, Cancel)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(20, await Eventually.GetAsync(() => TipsCountedAsync(client), count => count >= 20));
    }

    public void Dispose() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
