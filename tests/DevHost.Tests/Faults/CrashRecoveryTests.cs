using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.DevHost.Tests.Faults;

/// <summary>
/// The DevHost dies (SIGKILL) while its queue function drains: tips recorded whose messages were never deleted come
/// back to the next host, which must count each of them once, and every other accepted tip once too.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private const int Tips = 64;

    private readonly DiskAzurite _azurite = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _azurite.StartAsync();

    /// <summary>Posts answered 503 and sent again.</summary>
    private int _resent;

    /// <summary>
    /// As a resident does after a 503: sends again. On a loaded machine the disk Azurite can miss the intake's
    /// 3-second storage budget. A 503 keeps no receipt, but a queue send cut off by the budget may still have reached
    /// the queue (TipIntakeService says so): that tip is then counted under a reference no one was given, besides
    /// the one sent again. The crash is what this test is about, so those are counted apart below.
    /// </summary>
    private async Task<HttpResponseMessage> PostUntilKeptAsync(HttpClient client, string text)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.PostAsJsonAsync("api/tips", new { text }, Cancel);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 3)
            {
                return response;
            }

            Interlocked.Increment(ref _resent);
            response.Dispose();
            await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        }
    }

    [Fact]
    public async Task A_DevHost_killed_mid_drain_and_started_again_counts_every_accepted_tip_exactly_once()
    {
        Assert.True(DiskAzurite.CanMoveClock, "Needs Debian's faketime package (libfaketime), as .ci/run installs it.");
        // A long polling interval lets the queue fill while the first host waits, so it drains a full queue when it looks.
        var references = new List<string>();
        await using (var first = new DevHostProcess(_azurite.ConnectionString, new Dictionary<string, string> { ["extensions__queues__maxPollingInterval"] = "00:00:04" }))
        {
            await first.StartAsync(Cancel);
            await Task.Delay(TimeSpan.FromSeconds(3), Cancel); // the empty queue backs the listener off
            foreach (var chunk in Enumerable.Range(0, Tips).Chunk(8))
            {
                var posted = await Task.WhenAll(chunk.Select(i => PostUntilKeptAsync(first.Client, $"Det langas knark vid skolan på kvällarna, gång {i}.")));
                foreach (var response in posted)
                {
                    Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                    references.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reference").GetString()!);
                }
            }

            // Stop the host the moment a tip is counted and look: a message still on the queue for a tip already
            // counted is a crash between recording and deleting. Then kill it there; otherwise let it go on.
            // The queue may hold more messages than tips were answered: a post answered 503 can still have reached the
            // queue (PostUntilKeptAsync). So counted + waiting shows a message outliving its tip only above every
            // message that can exist, Tips + _resent; above Tips alone, a loaded run once took 41 counted + 30 waiting
            // (7 such posts) for the window and killed the host with none in it.
            var messagesAtMost = Tips + _resent;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var seen = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                var now = await CountedAsync();
                if (now == seen)
                {
                    await Task.Delay(5, Cancel);
                    continue;
                }

                await first.FreezeAsync();
                seen = await CountedAsync();
                if (seen >= Tips || seen + (await Queue().GetPropertiesAsync(Cancel)).Value.ApproximateMessagesCount > messagesAtMost)
                {
                    break;
                }

                await first.ResumeAsync();
            }

            await first.KillAsync();
        }

        var countedAtCrash = await CountedAsync();
        var waiting = (await Queue().GetPropertiesAsync(Cancel)).Value.ApproximateMessagesCount;
        // The dead host's messages stay hidden for the 10 minutes WebJobs asks for; Azurite's clock skips them.
        await _azurite.MoveClockAsync(TimeSpan.FromMinutes(11));

        await using var second = new DevHostProcess(_azurite.ConnectionString);
        await second.StartAsync(Cancel);
        var counted = await Eventually.GetAsync(
            async () => (await CountedAsync(), (await Queue().GetPropertiesAsync(Cancel)).Value.ApproximateMessagesCount),
            state => state.Item1 >= Tips && state.Item2 == 0,
            TimeSpan.FromSeconds(90));
        var statuses = new List<string?>();
        foreach (var reference in references)
        {
            statuses.Add((await second.Client.GetFromJsonAsync<JsonElement>($"api/tips/{reference}", Cancel)).GetProperty("status").GetString());
        }

        var tipRows = await new TableClient(_azurite.ConnectionString, "Tips")
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey lt {"count"}"), select: ["RowKey"], cancellationToken: Cancel)
            .Select(row => row.RowKey).ToListAsync(Cancel);
        var recountedOnce = second.Lines.Count(line => line.Contains("was already counted", StringComparison.Ordinal));
        // Tips whose post was answered 503 although its message reached the queue (see PostUntilKeptAsync).
        var unanswered = tipRows.Except(references, StringComparer.Ordinal).Count();
        var stored = Tips + unanswered;

        Assert.Equal(Tips, references.Distinct().Count());
        Assert.Subset(tipRows.ToHashSet(StringComparer.Ordinal), references.ToHashSet(StringComparer.Ordinal));
        Assert.InRange(unanswered, 0, _resent);
        Assert.InRange(countedAtCrash, 1, stored - 1); // killed mid-drain, not before or after it
        Assert.True(countedAtCrash + waiting > stored, $"no message was recorded and left undeleted ({countedAtCrash} counted, {waiting} waiting): the crash missed the window");
        // Exactly once: every stored tip counted once, and no message left.
        Assert.Equal((stored, 0), counted);
        Assert.Equal(stored, tipRows.Count);
        Assert.All(statuses, s => Assert.Equal("classified", s));
        // Each message that outlived its recorded tip was seen again, and changed nothing.
        Assert.Equal(countedAtCrash + waiting - stored, recountedOnce);
    }

    public async ValueTask DisposeAsync() => await _azurite.DisposeAsync();

    private QueueClient Queue() => new(_azurite.ConnectionString, StorageNames.TipsQueue);

    /// <summary>The "all tips" counter rows of every partition, read from storage (no host needed).</summary>
    private async Task<int> CountedAsync()
    {
        var table = new TableClient(_azurite.ConnectionString, "Tips");
        try
        {
            var sum = 0;
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {"count"}"), cancellationToken: Cancel))
            {
                sum += row.GetInt32("Count") ?? 0;
            }

            return sum;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return 0; // the table does not exist until the first tip is recorded
        }
    }
}
