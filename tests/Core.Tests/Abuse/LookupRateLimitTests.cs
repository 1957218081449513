using Azure.Data.Tables;
using Grastorp.Intake.Core.Abuse.RateLimiting;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.Core.Tips.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.Core.Tests.Abuse;

/// <summary>
/// The status lookup's limit through the real <see cref="TipStatusService"/> against Azurite, with a fake clock: every
/// lookup counts before anything is looked up, past the limit the client's own code is refused too, and lookups
/// racing each other never pass it.
/// </summary>
public sealed class LookupRateLimitTests : IDisposable
{
    private const string Address = "203.0.113.7";
    private const string Unknown = "AAAAAAAAAA";

    private readonly FakeTimeProvider _time = IntakeTestServices.InWeek48();
    private readonly ServiceProvider _services;

    public LookupRateLimitTests() => _services = Services(enabled: true);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private TipStatusService Statuses => _services.GetRequiredService<TipStatusService>();

    private ServiceProvider Services(bool enabled) => IntakeTestServices.Create(_time, new Dictionary<string, string?>
    {
        ["RateLimit:Enabled"] = enabled ? "true" : "false",
        ["RateLimit:PerTenMinutes"] = "1",
        ["RateLimit:PerDay"] = "1",
        ["RateLimit:LookupsPerTenMinutes"] = "3",
    });

    private Task<StatusLookup> LookUpAsync(string reference, string address = Address) => Statuses.LookUpAsync(reference, new(address, null), Token);

    private async Task<string> OwnReferenceAsync() =>
        (await _services.GetRequiredService<ReceiptStore>().IssueAsync(TipPartition.Of("vara", _time.GetUtcNow()), _time.GetUtcNow(), Token)).Value;

    private static async Task<List<TableEntity>> RowsAsync(IServiceProvider services)
    {
        var table = services.GetRequiredService<TableServiceClient>().GetTableClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.RateLimitsTable);
        try
        {
            return await table.QueryAsync<TableEntity>(cancellationToken: Token).ToListAsync(Token);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return []; // Nothing ever touched the table.
        }
    }

    [Fact]
    public async Task The_fourth_lookup_in_ten_minutes_is_refused_without_looking_up_even_for_the_clients_own_code()
    {
        var own = await OwnReferenceAsync();
        Assert.Equal(TipStatus.Received, (await LookUpAsync(own)).Status?.Status);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Same(StatusLookup.NotFound, await LookUpAsync(Unknown));
        Assert.Same(StatusLookup.NotFound, await LookUpAsync("not a code"));

        // 13:01: the first lookup (13:00) leaves the window at 13:10.
        var refused = await LookUpAsync(own);
        Assert.True(refused.Refused);
        Assert.Null(refused.Status);
        Assert.Equal(TimeSpan.FromMinutes(9), refused.RetryAfter);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(TipStatus.Received, (await LookUpAsync(own)).Status?.Status);
        Assert.True((await LookUpAsync(own)).Refused);
    }

    [Fact]
    public async Task Lookups_sent_at_once_never_pass_the_limit()
    {
        var own = await OwnReferenceAsync();

        var lookups = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => LookUpAsync(own))));

        Assert.Equal(3, lookups.Count(l => l.Status is not null));
        Assert.Equal(27, lookups.Count(l => l.Refused));
    }

    [Fact]
    public async Task There_is_no_day_cap_so_a_lockout_ends_with_its_ten_minutes()
    {
        for (var window = 0; window < 8; window++)
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Same(StatusLookup.NotFound, await LookUpAsync(Unknown));
            }

            Assert.True((await LookUpAsync(Unknown)).Refused);
            _time.Advance(TimeSpan.FromMinutes(10));
        }
    }

    [Fact]
    public async Task Each_client_has_its_own_count_and_it_is_apart_from_the_tip_count()
    {
        for (var i = 0; i < 3; i++)
        {
            await LookUpAsync(Unknown);
        }

        var tips = await _services.GetRequiredService<ClientRateLimiter>().CountTipAsync(new(Address, null), Token);

        Assert.True((await LookUpAsync(Unknown)).Refused);
        Assert.Same(StatusLookup.NotFound, await LookUpAsync(Unknown, "198.51.100.20"));
        Assert.True(tips.Allowed);
        Assert.Equal(3, (await RowsAsync(_services)).Count);
    }

    [Fact]
    public async Task The_rows_hold_a_daily_keyed_code_and_counts_never_the_address_or_the_code_looked_up()
    {
        var own = await OwnReferenceAsync();
        await LookUpAsync(Unknown);

        var row = Assert.Single(await RowsAsync(_services));
        var stored = string.Join('|', row.Select(p => $"{p.Key}={p.Value}"));
        Assert.DoesNotContain(Address, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Unknown, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(own, stored, StringComparison.Ordinal);
        Assert.NotEqual(_services.GetRequiredService<ClientRateLimiter>().ClientKey(Address, null, _time.GetUtcNow()), row.RowKey);
        Assert.Equal(1, row.GetInt32("Today"));

        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await _services.GetRequiredService<ClientRateLimiter>().PurgeExpiredAsync(Token));
    }

    [Fact]
    public async Task Switched_off_nothing_is_refused_or_written()
    {
        using var services = Services(enabled: false);
        var statuses = services.GetRequiredService<TipStatusService>();

        for (var i = 0; i < 10; i++)
        {
            Assert.Same(StatusLookup.NotFound, await statuses.LookUpAsync(Unknown, new(Address, null), Token));
        }

        Assert.Empty(await RowsAsync(services));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public void A_lookup_limit_out_of_range_stops_the_start(string perTenMinutes)
    {
        using var services = IntakeTestServices.Create(_time, new Dictionary<string, string?> { ["RateLimit:LookupsPerTenMinutes"] = perTenMinutes });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        Assert.Contains("RateLimit:LookupsPerTenMinutes must be between 1 and 1000.", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _services.Dispose();
}
