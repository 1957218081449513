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
/// The status lookup's limit through the real <see cref="TipStatusService"/> against Azurite, with a fake clock: misses
/// count, hits do not, and past the limit every lookup is refused, the client's own code included.
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
        ["RateLimit:LookupMissesPerTenMinutes"] = "3",
        ["RateLimit:LookupMissesPerDay"] = "5",
    });

    private Task<StatusLookup> LookUpAsync(string reference, string address = Address) => Statuses.LookUpAsync(reference, (address, null), Token);

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
    public async Task After_three_unknown_codes_in_ten_minutes_even_the_clients_own_code_is_refused_until_the_oldest_miss_leaves_the_window()
    {
        var own = await OwnReferenceAsync();
        Assert.Same(StatusLookup.NotFound, await LookUpAsync(Unknown));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Same(StatusLookup.NotFound, await LookUpAsync("not a code"));
        Assert.Same(StatusLookup.NotFound, await LookUpAsync(Unknown));

        // 13:01: the first miss (13:00) leaves the window at 13:10.
        var refused = await LookUpAsync(own);
        Assert.True(refused.Refused);
        Assert.Null(refused.Status);
        Assert.Equal(TimeSpan.FromMinutes(9), refused.RetryAfter);
        Assert.True((await LookUpAsync(Unknown)).Refused);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(TipStatus.Received, (await LookUpAsync(own)).Status?.Status);
    }

    [Fact]
    public async Task Looking_up_the_clients_own_code_again_and_again_counts_nothing()
    {
        var own = await OwnReferenceAsync();

        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull((await LookUpAsync(own)).Status);
        }

        Assert.Empty(await RowsAsync(_services));
    }

    [Fact]
    public async Task Over_the_daily_count_of_misses_the_client_waits_until_utc_midnight()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Same(StatusLookup.NotFound, await LookUpAsync(Unknown));
            _time.Advance(TimeSpan.FromMinutes(11));
        }

        // 13:55 UTC on the 26th.
        Assert.Equal(TimeSpan.FromHours(10) + TimeSpan.FromMinutes(5), (await LookUpAsync(Unknown)).RetryAfter);
        _time.Advance(TimeSpan.FromHours(10) + TimeSpan.FromMinutes(5));
        Assert.Same(StatusLookup.NotFound, await LookUpAsync(Unknown));
    }

    [Fact]
    public async Task Each_client_has_its_own_count_and_it_is_apart_from_the_tip_count()
    {
        for (var i = 0; i < 3; i++)
        {
            await LookUpAsync(Unknown);
        }

        var tips = await _services.GetRequiredService<SubmissionRateLimiter>().CountAsync(Address, null, Token);

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
        Assert.NotEqual(_services.GetRequiredService<SubmissionRateLimiter>().ClientKey(Address, null, _time.GetUtcNow()), row.RowKey);
        Assert.Equal(1, row.GetInt32("Today"));

        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await _services.GetRequiredService<SubmissionRateLimiter>().PurgeExpiredAsync(Token));
    }

    [Fact]
    public async Task Switched_off_nothing_is_refused_or_written()
    {
        using var services = Services(enabled: false);
        var statuses = services.GetRequiredService<TipStatusService>();

        for (var i = 0; i < 10; i++)
        {
            Assert.Same(StatusLookup.NotFound, await statuses.LookUpAsync(Unknown, (Address, null), Token));
        }

        Assert.Empty(await RowsAsync(services));
    }

    public void Dispose() => _services.Dispose();
}
