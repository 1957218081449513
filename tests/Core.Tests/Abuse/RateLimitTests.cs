using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Grastorp.Intake.Core.Abuse.RateLimiting;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Core.Tips.Status;
using Grastorp.Intake.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.Core.Tests.Abuse;

/// <summary>The rate limit through the real intake against Azurite, with a fake clock: counts, windows, races, and nothing at rest.</summary>
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
    public async Task There_is_no_day_cap_so_a_full_window_every_ten_minutes_all_day_passes()
    {
        // A school's Wi-Fi or a carrier's NAT: many residents behind one address. Only the ten minutes count.
        for (var window = 0; window < 30; window++)
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.IsType<SubmitOutcome.Accepted>(await SubmitAsync());
            }

            Assert.IsType<SubmitOutcome.TooMany>(await SubmitAsync());
            _time.Advance(TimeSpan.FromMinutes(10));
        }
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
        Assert.IsType<SubmitOutcome.TooMany>(await SubmitAsync());
    }

    [Fact]
    public async Task Twenty_concurrent_posts_from_one_client_with_a_limit_of_five_accept_exactly_five()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => SubmitAsync(), Token)));

        Assert.Equal(5, outcomes.Count(o => o is SubmitOutcome.Accepted));
        Assert.Equal(15, outcomes.Count(o => o is SubmitOutcome.TooMany));
        Assert.Equal(5, await QueuedAsync());
    }

    [Fact]
    public async Task Each_instance_counts_on_its_own_so_the_site_wide_bound_is_the_limit_times_the_instances()
    {
        // Four hosts on one storage account, as Flex Consumption scales out: nothing is shared, by design (docs/PRIVACY.md).
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = AzuriteAccounts.NewConnectionString(),
            ["RateLimit:PerTenMinutes"] = "5",
        };
        var instances = Enumerable.Range(0, 4).Select(_ => IntakeTestServices.Create(_time, settings)).ToList();
        try
        {
            var posts = instances.SelectMany(instance => Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
            {
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Tip));
                return await instance.GetRequiredService<TipIntakeService>().SubmitAsync(
                    new TipRequest("application/json", stream.Length, stream) { Client = new(Address, null) }, Token);
            }, Token)));
            var outcomes = await Task.WhenAll(posts);

            Assert.Equal(4 * 5, outcomes.Count(o => o is SubmitOutcome.Accepted));
            Assert.Equal(4 * 5, outcomes.Count(o => o is SubmitOutcome.TooMany));
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
    public async Task After_many_tips_and_lookups_no_table_in_the_account_holds_anything_drawn_from_the_client()
    {
        for (var i = 0; i < 6; i++)
        {
            await SubmitAsync();
            await _services.GetRequiredService<TipStatusService>().LookUpAsync("AAAAAAAAAA", new(Address, null), Token);
        }

        // Every table of the account, not only the ones we know of: only the tip's own tables exist, and no property of
        // any row names the address or has a name a counter would have.
        var service = _services.GetRequiredService<TableServiceClient>();
        var names = _services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var tables = await service.QueryAsync(cancellationToken: Token).Select(t => t.Name).ToListAsync(Token);
        Assert.Subset(new HashSet<string>([names.TipsTable, names.ReceiptsTable, names.RollupTable], StringComparer.Ordinal), tables.ToHashSet(StringComparer.Ordinal));
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            await foreach (var row in service.GetTableClient(table).QueryAsync<TableEntity>(cancellationToken: Token))
            {
                var stored = string.Join('|', row.Select(p => $"{p.Key}={p.Value}"));
                Assert.DoesNotContain(Address, stored, StringComparison.Ordinal);
                Assert.DoesNotContain(row.Keys, k => k is "Today" or "Recent");
            }
        }

        Assert.Contains(_logs.Lines, l => l.Contains("rate limit", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(Address, StringComparison.Ordinal));
    }

    [Fact]
    public void The_client_key_is_drawn_under_a_key_of_the_process_so_another_instance_cannot_recompute_it()
    {
        using var other = IntakeTestServices.Create(_time);
        var here = _services.GetRequiredService<ClientKeys>();

        Assert.Equal(here.For(new(Address, null)), here.For(new(Address, null)));
        Assert.NotEqual(here.For(new(Address, null)), here.For(new("198.51.100.20", null)));
        Assert.NotEqual(here.For(new(Address, null)), other.GetRequiredService<ClientKeys>().For(new(Address, null)));
        Assert.Matches("^[0-9a-f]{32}$", here.For(new(Address, null)));
    }

    [Fact]
    public void A_window_is_idle_once_its_last_event_has_left_it_so_the_partitions_can_drop_it()
    {
        using var window = new SlidingWindow(2, _time);
        Assert.True(window.AttemptAcquire().IsAcquired);
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.True(window.AttemptAcquire().IsAcquired);
        Assert.False(window.AttemptAcquire().IsAcquired);
        Assert.Null(window.IdleDuration);

        // 13:14: the second event (13:04) leaves the window at 13:14; idle from then on.
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Null(window.IdleDuration);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.Zero, window.IdleDuration);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), window.IdleDuration);
        Assert.Equal(2, window.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public void Switched_off_nothing_is_counted()
    {
        using var services = IntakeTestServices.Create(_time, new Dictionary<string, string?> { ["RateLimit:Enabled"] = "false", ["RateLimit:PerTenMinutes"] = "1" });
        var limiter = services.GetRequiredService<ClientRateLimiter>();

        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.CountTip(new(Address, null)).Allowed);
            Assert.True(limiter.CountCheck(new(Address, null)).Allowed);
        }
    }

    [Theory]
    [InlineData("RateLimit:PerTenMinutes", "0")]
    [InlineData("RateLimit:PerTenMinutes", "1001")]
    [InlineData("RateLimit:ChecksPerTenMinutes", "0")]
    [InlineData("RateLimit:ChecksPerTenMinutes", "10001")]
    public void Limits_out_of_range_stop_the_start(string setting, string value)
    {
        using var services = IntakeTestServices.Create(_time, new Dictionary<string, string?> { [setting] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        Assert.Contains(setting + " must be between", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _services.Dispose();
}
