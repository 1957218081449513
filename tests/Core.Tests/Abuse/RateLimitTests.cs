using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Grastorp.Intake.Core.Abuse.RateLimiting;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.Core.Tests.Abuse;

/// <summary>The rate limit through the real intake against Azurite, with a fake clock: counts, windows, days, races, the purge.</summary>
public sealed class RateLimitTests : IDisposable
{
    private const string Address = "203.0.113.7";
    private const string Tip = """{"text":"Det langas knark vid skolan på kvällarna.","municipality":"grastorp"}""";

    // Thursday 2026-11-26 13:00:00 UTC, on a whole second so Retry-After is exact.
    private readonly FakeTimeProvider _time = IntakeTestServices.InWeek48();
    private readonly CapturedLogs _logs = new();
    private readonly ServiceProvider _services;

    public RateLimitTests()
    {
        _services = IntakeTestServices.Create(_time, new Dictionary<string, string?>
        {
            ["RateLimit:PerTenMinutes"] = "5",
            ["RateLimit:PerDay"] = "7",
        }, s => s.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<SubmitOutcome> SubmitAsync(string address = Address, string? forwardedFor = null, string body = Tip, string contentType = "application/json")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return await _services.GetRequiredService<TipIntakeService>().SubmitAsync(
            new TipRequest(contentType, stream.Length, stream) { Client = new(address, forwardedFor) }, Token);
    }

    private async Task<int> QueuedAsync()
    {
        var queue = _services.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.TipsQueue);
        return await queue.ExistsAsync(Token) ? (await queue.GetPropertiesAsync(Token)).Value.ApproximateMessagesCount : 0;
    }

    private async Task<List<TableEntity>> RowsAsync()
    {
        var table = _services.GetRequiredService<TableServiceClient>().GetTableClient(_services.GetRequiredService<IOptions<StorageOptions>>().Value.RateLimitsTable);
        return await table.QueryAsync<TableEntity>(cancellationToken: Token).ToListAsync(Token);
    }

    [Fact]
    public async Task The_sixth_tip_within_ten_minutes_gets_429_with_the_seconds_until_the_oldest_leaves_the_window()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync());
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        // 13:05: the first tip (13:00) leaves the window at 13:10.
        var refused = Assert.IsType<SubmitOutcome.TooMany>(await SubmitAsync());
        Assert.Equal(TimeSpan.FromMinutes(5), refused.RetryAfter);
        _time.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<SubmitOutcome.TooMany>(await SubmitAsync()).RetryAfter);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync());
        Assert.Equal(6, await QueuedAsync());
    }

    [Fact]
    public async Task Over_the_daily_limit_the_client_waits_until_its_key_changes_at_utc_midnight()
    {
        for (var i = 0; i < 7; i++)
        {
            Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync());
            _time.Advance(TimeSpan.FromMinutes(3));
        }

        // 13:21 UTC: ten minutes hold only three tips, but the day holds seven.
        var refused = Assert.IsType<SubmitOutcome.TooMany>(await SubmitAsync());
        Assert.Equal(new TimeSpan(10, 39, 0), refused.RetryAfter);
    }

    [Fact]
    public async Task The_next_day_the_client_key_differs_and_the_tip_passes()
    {
        var limiter = _services.GetRequiredService<ClientRateLimiter>();
        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync());
        }

        Assert.IsType<SubmitOutcome.TooMany>(await SubmitAsync());
        var today = limiter.ClientKey(Address, null, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromDays(1));

        Assert.NotEqual(today, limiter.ClientKey(Address, null, _time.GetUtcNow()));
        Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync());
    }

    [Fact]
    public async Task Another_client_has_a_window_of_its_own()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync());
        }

        Assert.IsType<SubmitOutcome.TooMany>(await SubmitAsync());
        Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync("198.51.100.20"));
    }

    [Fact]
    public async Task Twenty_concurrent_posts_from_one_client_with_a_limit_of_five_accept_exactly_five()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => SubmitAsync(), Token)));

        Assert.Equal(5, outcomes.Count(o => o is SubmitOutcome.Accepted));
        Assert.Equal(15, outcomes.Count(o => o is SubmitOutcome.TooMany));
        Assert.Equal(5, await QueuedAsync());
        var row = Assert.Single(await RowsAsync());
        Assert.Equal(5, row.GetInt32("Today"));
    }

    [Fact]
    public async Task Twenty_concurrent_posts_spread_over_four_instances_race_through_the_ETag_and_accept_exactly_five()
    {
        // Four hosts on one storage account, as Flex Consumption scales out: only the ETag keeps them in step.
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = AzuriteAccounts.NewConnectionString(),
            ["RateLimit:PerTenMinutes"] = "5",
            ["RateLimit:PerDay"] = "7",
        };
        var instances = Enumerable.Range(0, 4).Select(_ => IntakeTestServices.Create(_time, settings)).ToList();
        try
        {
            var posts = instances.SelectMany(instance => Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
            {
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Tip));
                return await instance.GetRequiredService<TipIntakeService>().SubmitAsync(
                    new TipRequest("application/json", stream.Length, stream) { Client = new(Address, null) }, Token);
            }, Token)));
            var outcomes = await Task.WhenAll(posts);

            Assert.Equal(5, outcomes.Count(o => o is SubmitOutcome.Accepted));
            Assert.Equal(15, outcomes.Count(o => o is SubmitOutcome.TooMany));
            var queue = instances[0].GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.TipsQueue);
            Assert.Equal(5, (await queue.GetPropertiesAsync(Token)).Value.ApproximateMessagesCount);
        }
        finally
        {
            instances.ForEach(i => i.Dispose());
        }
    }

    [Fact]
    public async Task A_honeypot_hit_counts_against_the_window_and_still_gets_a_receipt()
    {
        const string Bot = "text=Det+langas+knark+vid+skolan.&website=http%3A%2F%2Fspam.example&lang=sv";
        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync(body: Bot, contentType: "application/x-www-form-urlencoded"));
        }

        // Over the limit now: the bot still gets its receipt, and the same client's real post is refused.
        Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync(body: Bot, contentType: "application/x-www-form-urlencoded"));
        Assert.IsType<SubmitOutcome.TooMany>(await SubmitAsync());
        Assert.Equal(0, await QueuedAsync());
    }

    [Fact]
    public async Task An_invalid_post_is_not_counted()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.IsType<SubmitOutcome.Invalid>(await SubmitAsync(body: """{"text":"kort"}"""));
        }

        Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync());
    }

    [Fact]
    public async Task The_counter_row_holds_a_daily_pseudonym_and_no_log_line_holds_the_address()
    {
        for (var i = 0; i < 6; i++)
        {
            await SubmitAsync();
        }

        var row = Assert.Single(await RowsAsync());
        var key = _services.GetRequiredService<ClientRateLimiter>().ClientKey(Address, null, _time.GetUtcNow());
        Assert.Equal(key, row.RowKey);
        Assert.Equal("20261126-" + key[..2], row.PartitionKey);
        Assert.Matches("^[0-9a-f]{16}$", row.RowKey);
        Assert.DoesNotContain(row, p => p.Value?.ToString()?.Contains(Address, StringComparison.Ordinal) == true);
        Assert.Contains(_logs.Lines, l => l.Contains("rate limit", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(Address, StringComparison.Ordinal));
        // The Azure SDK's request lines name table keys; both hosts switch that category off (Program.cs, appsettings.json).
        Assert.DoesNotContain(_logs.Lines, l => !l.StartsWith("Azure.Core", StringComparison.Ordinal) && l.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_purge_deletes_the_rows_of_past_days_and_keeps_today()
    {
        await SubmitAsync();
        await SubmitAsync("198.51.100.20");
        _time.Advance(TimeSpan.FromDays(1));
        await SubmitAsync();
        var limiter = _services.GetRequiredService<ClientRateLimiter>();

        Assert.Equal(2, await limiter.PurgeExpiredAsync(Token));
        var left = Assert.Single(await RowsAsync());
        Assert.StartsWith("20261127-", left.PartitionKey, StringComparison.Ordinal);
        Assert.Equal(0, await limiter.PurgeExpiredAsync(Token));

        // Just before the next midnight the row is still today's; just after, it goes.
        _time.Advance(new DateTimeOffset(2026, 11, 27, 23, 59, 59, TimeSpan.Zero) - _time.GetUtcNow());
        Assert.Equal(0, await limiter.PurgeExpiredAsync(Token));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await limiter.PurgeExpiredAsync(Token));
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task Switched_off_nothing_is_counted_or_written()
    {
        using var services = IntakeTestServices.Create(_time, new Dictionary<string, string?> { ["RateLimit:Enabled"] = "false", ["RateLimit:PerTenMinutes"] = "1" });
        var limiter = services.GetRequiredService<ClientRateLimiter>();

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await limiter.CountTipAsync(new(Address, null), Token)).Allowed);
        }

        // The table is created on first use, so a limiter that never counted has not even made it.
        Assert.Empty(await services.GetRequiredService<TableServiceClient>().QueryAsync(t => t.Name == "RateLimits", cancellationToken: Token).ToListAsync(Token));
    }

    public void Dispose() => _services.Dispose();
}
