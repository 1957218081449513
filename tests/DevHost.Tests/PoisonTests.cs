using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grastorp.Intake.DevHost.Tests;

public sealed class PoisonTests : IDisposable
{
    private readonly DevHostFactory _host = new(services => services.Replace(ServiceDescriptor.Singleton<ITipClassifier, BrokenClassifier>()));

    [Fact]
    public async Task A_message_that_always_fails_lands_in_tips_poison_after_five_tries_and_no_counter_moves()
    {
        var client = _host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/tips", new { text = "Det langas knark vid skolan på kvällarna." }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("reference").GetString()!;

        var poisoned = await Eventually.GetAsync(
            async () => await _host.Queue(StorageNames.TipsPoisonQueue).ExistsAsync(TestContext.Current.CancellationToken)
                ? (await _host.Queue(StorageNames.TipsPoisonQueue).PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value
                : [],
            messages => messages.Length > 0,
            TimeSpan.FromSeconds(90));

        Assert.Contains(reference, Assert.Single(poisoned).MessageText, StringComparison.Ordinal);
        Assert.Equal(5, BrokenClassifier.Calls);
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/stats", TestContext.Current.CancellationToken);
        Assert.Equal(0, stats.GetProperty("all").GetProperty("total").GetProperty("tips").GetInt32());
        var status = await client.GetFromJsonAsync<JsonElement>($"/api/tips/{reference}", TestContext.Current.CancellationToken);
        Assert.Equal("not-processed", status.GetProperty("status").GetString());
    }

    public void Dispose() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed class BrokenClassifier : ITipClassifier
    {
        private static int _calls;

        public static int Calls => _calls;

        public IReadOnlyList<string> Themes { get; } = [Theme.Other];

        public TipClassification Classify(string text)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("classifier is broken");
        }
    }
}
