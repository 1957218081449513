using Grastorp.Intake.Core.Abuse.RateLimiting;
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
        ["RateLimit:LookupsPerTenMinutes"] = "3",
    });

    private Task<StatusLookup> LookUpAsync(string reference, string address = Address) => Statuses.LookUpAsync(reference, new(address, null), Token);

    private async Task<string> OwnReferenceAsync() =>
        (await _services.GetRequiredService<ReceiptStore>().IssueAsync(TipPartition.Of("vara", _time.GetUtcNow()), _time.GetUtcNow(), Token)).Value;

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

        var tips = _services.GetRequiredService<ClientRateLimiter>().CountTip(new(Address, null));

        Assert.True((await LookUpAsync(Unknown)).Refused);
        Assert.Same(StatusLookup.NotFound, await LookUpAsync(Unknown, "198.51.100.20"));
        Assert.True(tips.Allowed);
    }

    [Fact]
    public async Task Switched_off_nothing_is_refused()
    {
        using var services = Services(enabled: false);
        var statuses = services.GetRequiredService<TipStatusService>();

        for (var i = 0; i < 10; i++)
        {
            Assert.Same(StatusLookup.NotFound, await statuses.LookUpAsync(Unknown, new(Address, null), Token));
        }
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
