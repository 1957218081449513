using Grastorp.Intake.Core.Abuse.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Tests.Abuse;

/// <summary>Which address stands for the client: the forwarded header only on the platform, and never its forgeable left end.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "198.51.100.1", false, "203.0.113.7")]
    [InlineData("127.0.0.1", "198.51.100.1:5123", true, "198.51.100.1")]
    [InlineData("127.0.0.1", "6.6.6.6, 198.51.100.1:5123", true, "198.51.100.1")]
    [InlineData("127.0.0.1", "6.6.6.6, 198.51.100.1:5123, 10.0.0.4, 127.0.0.1", true, "198.51.100.1")]
    [InlineData("127.0.0.1", "[2001:db8:1:2:aaaa:bbbb:cccc:dddd]:443", true, "2001:db8:1:2::/64")]
    [InlineData("::ffff:203.0.113.7", null, false, "203.0.113.7")]
    [InlineData("127.0.0.1", "not an address", true, "127.0.0.1")]
    [InlineData("127.0.0.1", "10.1.2.3", true, "127.0.0.1")]
    [InlineData(null, null, false, null)]
    public void The_client_address_is_read_as_the_platform_rule_says(string? remote, string? forwarded, bool onPlatform, string? expected)
    {
        Assert.Equal(expected, ClientAddress.Resolve(remote, forwarded, onPlatform));
    }

    [Fact]
    public void Two_addresses_in_one_ipv6_64_are_one_client()
    {
        Assert.Equal(ClientAddress.Resolve("2001:db8:1:2::1", null, false), ClientAddress.Resolve("2001:db8:1:2:ffff::9", null, false));
        Assert.NotEqual(ClientAddress.Resolve("2001:db8:1:2::1", null, false), ClientAddress.Resolve("2001:db8:1:3::1", null, false));
    }

    [Fact]
    public void Off_the_platform_a_forged_header_does_not_change_the_key()
    {
        using var services = IntakeTestServices.Create(IntakeTestServices.InWeek48());
        var limiter = services.GetRequiredService<ClientRateLimiter>();
        var now = DateTimeOffset.UtcNow;

        Assert.False(services.GetRequiredService<IOptions<RateLimitOptions>>().Value.OnPlatform);
        Assert.Equal(limiter.ClientKey("203.0.113.7", null, now), limiter.ClientKey("203.0.113.7", "198.51.100.99", now));
    }

    [Fact]
    public void On_the_platform_the_forwarded_client_is_the_key_and_a_forged_left_entry_is_not()
    {
        using var services = IntakeTestServices.Create(IntakeTestServices.InWeek48(), new Dictionary<string, string?> { [RateLimitOptions.PlatformSetting] = "a1b2c3" });
        var limiter = services.GetRequiredService<ClientRateLimiter>();
        var now = DateTimeOffset.UtcNow;

        Assert.True(services.GetRequiredService<IOptions<RateLimitOptions>>().Value.OnPlatform);
        Assert.NotEqual(limiter.ClientKey("127.0.0.1", "198.51.100.1:1000", now), limiter.ClientKey("127.0.0.1", "198.51.100.2:1000", now));
        Assert.Equal(limiter.ClientKey("127.0.0.1", "198.51.100.1:1000", now), limiter.ClientKey("127.0.0.1", "6.6.6.6, 198.51.100.1:2000", now));
    }

    [Theory]
    [InlineData("0", "20")]
    [InlineData("1001", "2000")]
    [InlineData("5", "4")]
    public void Limits_out_of_range_stop_the_start(string perTenMinutes, string perDay)
    {
        using var services = IntakeTestServices.Create(IntakeTestServices.InWeek48(), new Dictionary<string, string?> { ["RateLimit:PerTenMinutes"] = perTenMinutes, ["RateLimit:PerDay"] = perDay });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        Assert.Contains("RateLimit:Per", error.Message, StringComparison.Ordinal);
    }
}
