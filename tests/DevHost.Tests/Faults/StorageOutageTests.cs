using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grastorp.Intake.DevHost.Tests.Faults;

/// <summary>Storage goes away and comes back at points the test chooses; the host answers, survives and resumes.</summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly DiskAzurite _azurite = new();
    private readonly GateClassifier _classifier = new();
    private DevHostFactory _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _azurite.StartAsync();
        // The retention timer fires every two seconds here, so the test can see a timer run into the outage and resume.
        _host = new DevHostFactory(
            services => services.Replace(ServiceDescriptor.Singleton<ITipClassifier>(_classifier)),
            _azurite.ConnectionString,
            new Dictionary<string, string> { [Grastorp.Intake.Functions.ApplyRetention.ScheduleSetting] = "*/2 * * * * *" });
    }

    [Fact]
    public async Task A_tip_posted_while_storage_is_down_gets_503_with_Retry_After_and_the_host_resumes_when_storage_returns()
    {
        var client = _host.CreateClient();
        _classifier.Open();
        var before = await PostAsync(client, "Det langas knark vid skolan på kvällarna.");
        Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        var first = await ReferenceOf(before);
        Assert.Equal("classified", await StatusWhenAsync(client, first, "classified"));
        var firedBefore = await Eventually.GetAsync(() => Task.FromResult(Firings("Succeeded")), count => count > 0, TimeSpan.FromSeconds(60));

        await _azurite.StopAsync();
        var clock = Stopwatch.StartNew();
        var down = await PostAsync(client, "Bilar kör för fort förbi skolan på morgonen.");
        var answeredIn = clock.Elapsed;
        using var form = new HttpRequestMessage(HttpMethod.Post, "/api/tips") { Content = new FormUrlEncodedContent([new("text", "Bilar kör för fort förbi skolan på morgonen."), new("place", "Skolgatan")]) };
        form.Headers.Accept.ParseAdd("text/html");
        var browser = await client.SendAsync(form, Cancel);
        var status = await client.GetAsync($"/api/tips/{first}", Cancel);
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel); // the queue listener polls into the outage a few times

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.True(answeredIn < TimeSpan.FromSeconds(5), $"answered after {answeredIn}");
        Assert.Equal("30", down.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", down.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, browser.StatusCode);
        Assert.Equal("text/html", browser.Content.Headers.ContentType?.MediaType);
        Assert.Equal("30", browser.Headers.GetValues("Retry-After").Single());
        var page = WebUtility.HtmlDecode(await browser.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Ditt tips har inte sparats", page, StringComparison.Ordinal);
        Assert.Contains(">Bilar kör för fort förbi skolan på morgonen.</textarea>", page, StringComparison.Ordinal); // nothing to type again
        Assert.Contains("value=\"Skolgatan\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status.StatusCode);

        var failedInOutage = Firings("Failed");
        await _azurite.StartAsync();
        var restarted = _host.Logs.Lines.Count;
        // Posted once storage answers again: a post into Azurite's own start-up may keep a receipt whose withdrawal
        // failed too (a code no one was given; see the note on TipIntakeService), which is not what this test is about.
        await Eventually.GetAsync(() => client.GetAsync("/api/stats", Cancel), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20));
        var after = await PostAsync(client, "Någon har snott min cykel vid stationen.");

        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
        Assert.Equal("classified", await StatusWhenAsync(client, await ReferenceOf(after), "classified"));
        // Nothing half-written: two receipt rows (posted one at a time, each its own batch), two tips counted; the
        // refused posts left no trace, not even a withdrawn receipt's row.
        var receipts = new TableClient(_azurite.ConnectionString, "TipReceipts");
        Assert.Equal(2, await receipts.QueryAsync<TableEntity>(cancellationToken: Cancel).CountAsync(Cancel));
        Assert.Equal(2, await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/stats", Cancel)).GetProperty("all").GetProperty("total").GetProperty("tips").GetInt32(),
            tips => tips >= 2)); // stats read the rollup, a moment behind the status
        Assert.DoesNotContain(_host.Logs.Lines, line => line.StartsWith("Critical", StringComparison.Ordinal) || line.Contains("An unhandled exception", StringComparison.Ordinal));
        // The timer ran before the outage, failed into it, and runs again by itself once storage is back.
        Assert.True(firedBefore > 0, "the retention timer never ran before the outage");
        Assert.True(failedInOutage > 0, "the retention timer never ran into the outage");
        var resumed = await Eventually.GetAsync(
            () => Task.FromResult(_host.Logs.Lines.Skip(restarted).Count(line => line.Contains("Executed 'ApplyRetention' (Succeeded", StringComparison.Ordinal))),
            count => count >= 2,
            TimeSpan.FromSeconds(30));
        Assert.True(resumed >= 2, $"the retention timer succeeded {resumed} times after storage returned");
    }

    private int Firings(string outcome) => _host.Logs.Lines.Count(line => line.Contains($"Executed 'ApplyRetention' ({outcome}", StringComparison.Ordinal));

    [Fact]
    public async Task Storage_lost_while_the_queue_function_runs_is_retried_when_it_returns_and_counted_once()
    {
        var client = _host.CreateClient();
        var accepted = await PostAsync(client, "Det langas knark vid skolan på kvällarna.");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await _classifier.Entered.WaitAsync(TimeSpan.FromSeconds(30), Cancel);

        await _azurite.StopAsync();
        _classifier.Open(); // the function now records into a storage that is gone, and fails
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        await _azurite.StartAsync();

        var reference = await ReferenceOf(accepted);
        Assert.Equal("classified", await StatusWhenAsync(client, reference, "classified"));
        var tips = await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/stats", Cancel)).GetProperty("all").GetProperty("total").GetProperty("tips").GetInt32(),
            count => count > 0);
        Assert.Equal(1, tips);
        // Recorded by the same invocation once storage was back: classified once, stored once.
        Assert.Equal(1, _classifier.Calls);
    }

    public async ValueTask DisposeAsync()
    {
        await _azurite.StartAsync(); // a host stops cleanly only with its storage there (it releases its locks)
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string text) => client.PostAsJsonAsync("/api/tips", new { text }, Cancel);

    private static async Task<string> ReferenceOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reference").GetString()!;

    private static Task<string?> StatusWhenAsync(HttpClient client, string reference, string wanted) =>
        Eventually.GetAsync(
            async () =>
            {
                var response = await client.GetAsync($"/api/tips/{reference}", Cancel);
                return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetString() : null;
            },
            status => status == wanted,
            TimeSpan.FromSeconds(60));

    /// <summary>Holds the first classification until the test opens it, so the test can pull storage away mid-function.</summary>
    private sealed class GateClassifier : ITipClassifier
    {
        private readonly ManualResetEventSlim _open = new();
        private int _calls;

        public SemaphoreSlim Entered { get; } = new(0);

        public int Calls => _calls;

        public IReadOnlyList<string> Themes { get; } = [Theme.Drugs, Theme.Other];

        public void Open() => _open.Set();

        public TipClassification Classify(string text)
        {
            Interlocked.Increment(ref _calls);
            Entered.Release();
            _open.Wait(TimeSpan.FromSeconds(60));
            return new TipClassification([new ThemeMatch(Theme.Drugs, 0.9, ["knark"])]);
        }
    }
}
