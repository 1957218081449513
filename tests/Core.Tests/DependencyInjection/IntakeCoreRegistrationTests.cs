using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.Core.Digest.Delivery;
using Grastorp.Intake.Core.Digest.Scheduling;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Tips.Intake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Tests.DependencyInjection;

/// <summary>
/// The host refuses to start on bad settings (ValidateOnStart), and starts without touching storage on good ones,
/// so none of this needs Azurite.
/// </summary>
public class IntakeCoreRegistrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> ValidSettings() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Digest:From"] = "tips@grastorp-intake.example",
        ["DIGEST_SCHEDULE"] = "0 0 4-8 * * 1",
        ["Digest:Recipients:0:Id"] = "kommunpolis",
        ["Digest:Recipients:0:Addresses:0"] = "kommunpolis@grastorp-intake.example",
        ["Digest:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "grastorp-intake-unit-digests"),
        ["Site:BaseUrl"] = "https://tips.grastorp.example",
    };

    private static IHost Build(Dictionary<string, string?> settings)
    {
        // Defaults off: no environment variables or appsettings.json of the machine running the tests leak in.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddIntakeCore(builder.Configuration);
        return builder.Build();
    }

    private static async Task<OptionsValidationException> StartFails(Dictionary<string, string?> settings)
    {
        using var host = Build(settings);
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Token));
    }

    [Fact]
    public async Task The_host_starts_and_stops_with_a_valid_configuration()
    {
        using var host = Build(ValidSettings());
        await host.StartAsync(Token);

        var catalog = host.Services.GetRequiredService<MunicipalityCatalog>();
        Assert.Equal("grastorp", catalog.Default.Id);
        Assert.Equal(3, catalog.All.Count);
        Assert.Equal("kommunpolis", Assert.Single(host.Services.GetRequiredService<IOptions<DigestOptions>>().Value.Recipients).Id);
        Assert.NotNull(host.Services.GetRequiredService<TipValidator>());
        Assert.NotNull(host.Services.GetRequiredService<DigestSchedule>());

        await host.StopAsync(Token);
    }

    [Fact]
    public async Task The_host_does_not_start_without_digest_recipients()
    {
        var settings = ValidSettings();
        settings.Remove("Digest:Recipients:0:Id");
        settings.Remove("Digest:Recipients:0:Addresses:0");

        var error = await StartFails(settings);
        Assert.Contains("Digest:Recipients", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_does_not_start_with_a_default_municipality_that_is_not_served()
    {
        var settings = ValidSettings();
        settings["Municipalities:Default"] = "lerum";

        var error = await StartFails(settings);
        Assert.Contains("Municipalities:Default", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_does_not_start_with_a_default_municipality_outside_the_configured_ids()
    {
        var settings = ValidSettings();
        settings["Municipalities:Ids:0"] = "vara";
        settings["Municipalities:Ids:1"] = "essunga";

        var error = await StartFails(settings);
        Assert.Contains("Municipalities:Default", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_starts_with_configured_municipalities_and_their_default()
    {
        var settings = ValidSettings();
        settings["Municipalities:Ids:0"] = "vara";
        settings["Municipalities:Ids:1"] = "essunga";
        settings["Municipalities:Default"] = "vara";
        settings["Digest:Recipients:0:Municipalities:0"] = "Essunga";

        using var host = Build(settings);
        await host.StartAsync(Token);
        Assert.Equal(["vara", "essunga"], host.Services.GetRequiredService<MunicipalityCatalog>().All.Select(m => m.Id));
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task The_host_does_not_start_with_a_bad_sender_address()
    {
        var settings = ValidSettings();
        settings["Digest:From"] = "not an address";

        var error = await StartFails(settings);
        Assert.Contains("Digest:From", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_does_not_start_with_a_recipient_list_for_an_unknown_municipality()
    {
        var settings = ValidSettings();
        settings["Digest:Recipients:0:Municipalities:0"] = "lidkoping";

        var error = await StartFails(settings);
        Assert.Contains("Digest:Recipients:0:Municipalities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_does_not_start_without_the_site_address_the_digest_links_to()
    {
        var settings = ValidSettings();
        settings.Remove("Site:BaseUrl");

        var error = await StartFails(settings);
        Assert.Contains("Site:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_azure_the_site_address_defaults_to_the_app_s_own_host_name()
    {
        var settings = ValidSettings();
        settings.Remove("Site:BaseUrl");
        settings["WEBSITE_HOSTNAME"] = "func-grastorp-abc.azurewebsites.net";
        using var host = Build(settings);
        await host.StartAsync(Token);

        Assert.Equal("https://func-grastorp-abc.azurewebsites.net/", host.Services.GetRequiredService<IOptions<SiteOptions>>().Value.BaseUrl!.AbsoluteUri);
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task The_host_does_not_start_with_the_smtp_transport_and_no_server()
    {
        var settings = ValidSettings();
        settings["Digest:Transport"] = "smtp";

        var error = await StartFails(settings);
        Assert.Contains("Digest:Smtp:Host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_does_not_start_with_the_acs_transport_and_a_plain_http_endpoint()
    {
        var settings = ValidSettings();
        settings["Digest:Transport"] = "acs";
        settings["Acs:Endpoint"] = "http://grastorp.communication.azure.com";

        var error = await StartFails(settings);
        Assert.Contains("Acs:Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pickup", typeof(PickupDirectoryDigestSender))]
    [InlineData("smtp", typeof(SmtpDigestSender))]
    [InlineData("acs", typeof(AcsDigestSender))]
    public async Task The_transport_setting_chooses_the_sender(string transport, Type sender)
    {
        var settings = ValidSettings();
        settings["Digest:Transport"] = transport;
        settings["Digest:Smtp:Host"] = "smtp.grastorp.example";
        settings["Acs:Endpoint"] = "https://grastorp.communication.azure.com";
        using var host = Build(settings);
        await host.StartAsync(Token);

        Assert.IsType(sender, host.Services.GetRequiredService<IDigestSender>());
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task The_host_does_not_start_with_an_invalid_table_name()
    {
        var settings = ValidSettings();
        settings["Storage:TipsTable"] = "tips-table";

        var error = await StartFails(settings);
        Assert.Contains("Storage:TipsTable", error.Message, StringComparison.Ordinal);
    }
}
