using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.DevHost.Tests;

public sealed class StartupValidationTests
{
    [Fact]
    public void A_wrong_setting_stops_the_host_at_start_up_naming_the_setting()
    {
        var error = Assert.IsType<OptionsValidationException>(DevHostFactory.StartUpFailure(() => new DevHostFactory().WithWebHostBuilder(builder => builder.UseSetting("Digest:From", "not-an-address"))));

        Assert.Contains("Digest:From", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_digest_schedule_stops_the_host_at_start_up_naming_the_setting()
    {
        var error = Assert.IsType<OptionsValidationException>(DevHostFactory.StartUpFailure(() => new DevHostFactory().WithWebHostBuilder(builder => builder.UseSetting("DIGEST_SCHEDULE", " "))));

        Assert.Contains("DIGEST_SCHEDULE", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RETENTION_SCHEDULE", "daily", "RETENTION_SCHEDULE")]
    [InlineData("Retention:Days", "7", "Retention:Days")]
    public void A_malformed_retention_setting_stops_the_host_at_start_up_naming_it(string setting, string value, string named)
    {
        var error = DevHostFactory.StartUpFailure(() => new DevHostFactory().WithWebHostBuilder(builder => builder.UseSetting(setting, value)));

        Assert.All(error is AggregateException all ? all.InnerExceptions : [error], e => Assert.IsType<OptionsValidationException>(e));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_promise_file_stops_the_host_at_start_up_naming_the_file_and_the_field()
    {
        var folder = Directory.CreateTempSubdirectory("promises-").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "promises", "grastorp-2021.json"), Path.Combine(folder, "grastorp-2021.json"));
        File.WriteAllText(Path.Combine(folder, "grastorp-2027.json"), """
            { "id": "grastorp_2027", "year": 2027, "municipality": "grastorp", "title": "Löfte 2027", "source": "Test",
              "commitments": [ { "id": "trafik", "promisedBy": "polisen", "text": "Trafikkontroller." },
                               { "id": "nattvandring", "promisedBy": "föreningarna", "text": "Nattvandring." } ] }
            """);
        var error = Assert.IsType<OptionsValidationException>(DevHostFactory.StartUpFailure(() => new DevHostFactory().WithWebHostBuilder(builder => builder.UseSetting("Promises:Directory", folder))));

        Assert.Contains("grastorp-2027.json: commitments[1].promisedBy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_site_contact_stops_the_host_at_start_up_naming_the_setting()
    {
        var error = Assert.IsType<OptionsValidationException>(DevHostFactory.StartUpFailure(() => new DevHostFactory().WithWebHostBuilder(builder => builder.UseSetting("Site:DataProtectionOfficerEmail", string.Empty))));

        Assert.Contains("DataProtectionOfficerEmail", error.Message, StringComparison.Ordinal);
    }
}
