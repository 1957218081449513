using Microsoft.Extensions.Configuration;

namespace Grastorp.Intake.DevHost.Tests.Running;

/// <summary>The DevHost's links (digest, feed) follow the address it listens on, unless the base URL is set on its own.</summary>
public sealed class DevSiteAddressTests
{
    private static ConfigurationManager With(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        return configuration;
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:8080/;http://[::1]:8081", "http://127.0.0.1:8080")]
    [InlineData("http://localhost:7071", "http://localhost:7071")]
    public void The_base_url_follows_the_first_listening_address(string urls, string expected)
    {
        var configuration = With(("urls", urls));

        DevSiteAddress.FollowListeningAddress(configuration);

        Assert.Equal(expected, configuration[DevSiteAddress.BaseUrlSetting]);
    }

    [Fact]
    public void A_base_url_set_on_its_own_wins()
    {
        var configuration = With(("urls", "http://127.0.0.1:8080"), ("Site:BaseUrl", "https://tips.grastorp.se"));

        DevSiteAddress.FollowListeningAddress(configuration);

        Assert.Equal("https://tips.grastorp.se", configuration[DevSiteAddress.BaseUrlSetting]);
    }

    [Fact]
    public void A_port_chosen_at_start_leaves_the_base_url_to_the_site_options_default()
    {
        var configuration = With(("urls", "http://127.0.0.1:0"));

        DevSiteAddress.FollowListeningAddress(configuration);

        Assert.Null(configuration[DevSiteAddress.BaseUrlSetting]);
    }
}
