using Grastorp.Intake.Core.Abuse.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Tests.Abuse;

/// <summary>Which address stands for the client: the forwarded header only behind the front end (RateLimit:BehindFrontEnd), and never its forgeable left end.</summary>
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
    public void The_client_address_is_read_as_the_platform_rule_says(string? remote, string? forwarded, bool behindFrontEnd, string? expected)
    {
        Assert.Equal(expected, ClientAddress.Resolve(remote, forwarded, behindFrontEnd));
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
        var keys = services.GetRequiredService<ClientKeys>();

        Assert.False(services.GetRequiredService<IOptions<RateLimitOptions>>().Value.BehindFrontEnd);
        Assert.Equal(keys.For(new("203.0.113.7", null)), keys.For(new("203.0.113.7", "198.51.100.99")));
    }

    [Fact]
    public void Behind_the_front_end_the_forwarded_client_is_the_key_and_a_forged_left_entry_is_not()
    {
        using var services = IntakeTestServices.Create(IntakeTestServices.InWeek48(), new Dictionary<string, string?> { ["RateLimit:BehindFrontEnd"] = "true" });
        var keys = services.GetRequiredService<ClientKeys>();

        Assert.True(services.GetRequiredService<IOptions<RateLimitOptions>>().Value.BehindFrontEnd);
        Assert.NotEqual(keys.For(new("127.0.0.1", "198.51.100.1:1000")), keys.For(new("127.0.0.1", "198.51.100.2:1000")));
        Assert.Equal(keys.For(new("127.0.0.1", "198.51.100.1:1000")), keys.For(new("127.0.0.1", "6.6.6.6, 198.51.100.1:2000")));
    }

    [Theory]
    [InlineData("WEBSITE_INSTANCE_ID", "a1b2c3")]
    [InlineData("CONTAINER_NAME", "grastorp-intake-0a1b")]
    public void A_platform_variable_alone_does_not_decide_whether_the_header_is_trusted(string variable, string value)
    {
        // Which variables a plan sets differs (App Service sets WEBSITE_INSTANCE_ID, Flex Consumption CONTAINER_NAME):
        // only our own setting, which the template sets, says there is a front end.
        using var services = IntakeTestServices.Create(IntakeTestServices.InWeek48(), new Dictionary<string, string?> { [variable] = value });
        var keys = services.GetRequiredService<ClientKeys>();

        Assert.False(services.GetRequiredService<IOptions<RateLimitOptions>>().Value.BehindFrontEnd);
        Assert.Equal(keys.For(new("127.0.0.1", "198.51.100.1:1000")), keys.For(new("127.0.0.1", "198.51.100.2:1000")));
    }
}
