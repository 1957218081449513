using Microsoft.Extensions.Options;

namespace Grastorp.Intake.DevHost.Tests;

public sealed class StartupValidationTests
{
    [Fact]
    public void A_wrong_setting_stops_the_host_at_start_up_naming_the_setting()
    {
        using var host = new DevHostFactory().WithWebHostBuilder(builder => builder.UseSetting("Digest:From", "not-an-address"));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Digest:From", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_digest_schedule_stops_the_host_at_start_up_naming_the_setting()
    {
        using var host = new DevHostFactory().WithWebHostBuilder(builder => builder.UseSetting("DIGEST_SCHEDULE", " "));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("DIGEST_SCHEDULE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_site_contact_stops_the_host_at_start_up_naming_the_setting()
    {
        using var host = new DevHostFactory().WithWebHostBuilder(builder => builder.UseSetting("Site:DataProtectionOfficerEmail", string.Empty));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("DataProtectionOfficerEmail", error.Message, StringComparison.Ordinal);
    }
}
