using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.TestKit;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>
/// The app setting <c>AzureWebJobs.ClassifyTip.Disabled</c> pauses the queue function on the DevHost as it does on the
/// Functions host: tips are still taken and queued, and wait there until the function runs again (bench/load.sh
/// relies on this to measure the intake alone).
/// </summary>
public sealed class DisabledFunctionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<string?> StatusAsync(HttpClient client, string reference)
    {
        var response = await client.GetAsync($"/api/tips/{reference}", Cancel);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetString() : null;
    }

    private static async Task<int> QueuedAsync(DevHostFactory host) =>
        (await host.Queue(StorageNames.TipsQueue).GetPropertiesAsync(Cancel)).Value.ApproximateMessagesCount;

    [Fact]
    public async Task A_tip_stays_queued_while_ClassifyTip_is_disabled_and_is_counted_once_it_runs_again()
    {
        var connection = AzuriteAccounts.NewConnectionString();
        string reference;
        await using (var paused = new DevHostFactory(connectionString: connection, settings: new Dictionary<string, string> { ["AzureWebJobs.ClassifyTip.Disabled"] = "true" }))
        {
            var client = paused.CreateClient();
            var response = await client.PostAsJsonAsync("/api/tips", new { text = "Inbrott i förrådet på Storgatan i natt.", municipality = "essunga" }, Cancel);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            reference = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reference").GetString()!;

            // WebJobs says so when it indexes the function; a running listener polls every 0.5 s here (DevHostFactory),
            // so ten polls' time is far more than it would need to take the message.
            Assert.Contains(
                await Eventually.GetAsync(() => Task.FromResult(paused.Logs.Lines.ToList()), lines => lines.Any(IsDisabledLine)),
                IsDisabledLine);
            await Task.Delay(TimeSpan.FromSeconds(5), Cancel);

            Assert.Equal(1, await QueuedAsync(paused));
            Assert.Equal("received", await StatusAsync(client, reference));
            Assert.DoesNotContain(paused.Logs.Lines, line => line.Contains("and counted", StringComparison.Ordinal));
        }

        await using var running = new DevHostFactory(connectionString: connection);
        var again = running.CreateClient();
        Assert.Equal("classified", await Eventually.GetAsync(() => StatusAsync(again, reference), s => s == "classified"));
        // WebJobs deletes the message just after the function returns.
        Assert.Equal(0, await Eventually.GetAsync(() => QueuedAsync(running), count => count == 0));
        // Stats read the rollup, written just after the tip's transaction: it may lag the status by a moment.
        var stats = await Eventually.GetAsync(
            () => again.GetFromJsonAsync<JsonElement>("/api/stats?municipality=essunga", Cancel),
            s => s.GetProperty("all").GetProperty("total").GetProperty("tips").GetInt32() > 0);
        Assert.Equal(1, stats.GetProperty("all").GetProperty("total").GetProperty("tips").GetInt32());
    }

    private static bool IsDisabledLine(string line) => line.Contains("'ClassifyTip' is disabled", StringComparison.Ordinal);
}
