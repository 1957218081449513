using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Municipalities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Tests.Digest.Settings;

public class DigestOptionsValidatorTests
{
    private readonly DigestOptionsValidator _validator = new(
        new MunicipalityCatalog(Options.Create(new MunicipalityOptions())),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DIGEST_SCHEDULE"] = "0 0 4-8 * * 1" }).Build());

    private static DigestRecipientList List(string id = "kommunpolis", string[]? addresses = null, string[]? municipalities = null) => new()
    {
        Id = id,
        Addresses = [.. addresses ?? ["kommunpolis@example.se"]],
        Municipalities = [.. municipalities ?? []],
    };

    private static DigestOptions WithLists(params DigestRecipientList[] lists) => new() { From = "tips@grastorp-intake.example", Recipients = [.. lists] };

    private IReadOnlyList<string> FailuresOf(DigestOptions options)
    {
        var result = _validator.Validate(null, options);
        Assert.True(result.Failed);
        return [.. result.Failures!];
    }

    [Fact]
    public void A_sender_and_one_list_with_an_address_is_valid()
    {
        Assert.True(_validator.Validate(null, WithLists(List())).Succeeded);
    }

    [Fact]
    public void Lists_limited_to_known_municipalities_by_id_or_name_are_valid()
    {
        var options = WithLists(List("vara_lista", municipalities: ["vara", "Essunga"]), List("grastorp", municipalities: ["Grästorp"]));
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("tips@")]
    [InlineData("@example.se")]
    [InlineData("")]
    [InlineData("tips")]
    public void A_sender_that_is_not_an_email_address_is_named(string from)
    {
        var options = WithLists(List());
        options.From = from;
        var failure = Assert.Single(FailuresOf(options));
        Assert.StartsWith("Digest:From", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("polis")]
    public void An_audience_that_is_not_a_role_name_is_refused_even_where_the_binder_would_take_it(string audience)
    {
        // "1" binds to Kommunpolis: a typo must not hand a municipality's mailbox the residents' contacts.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DIGEST_SCHEDULE"] = "0 0 4-8 * * 1",
            ["Digest:Recipients:0:Audience"] = audience,
        }).Build();
        var validator = new DigestOptionsValidator(new MunicipalityCatalog(Options.Create(new MunicipalityOptions())), configuration);

        var failure = Assert.Single(validator.Validate(null, WithLists(List())).Failures!);

        Assert.StartsWith("Digest:Recipients:0:Audience", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_is_the_municipalitys_unless_marked_as_the_polices()
    {
        Assert.Equal(DigestAudience.Kommun, List().Audience);
        Assert.True(List().CountsOnly);
    }

    [Fact]
    public void A_list_without_addresses_is_named_by_its_position()
    {
        var failure = Assert.Single(FailuresOf(WithLists(List(), List("vara", addresses: []))));
        Assert.StartsWith("Digest:Recipients:1:Addresses", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kommunpolis")]
    [InlineData("kommunpolis@")]
    [InlineData("two words@example.se")]
    public void An_address_that_is_not_an_email_address_is_named(string address)
    {
        var failure = Assert.Single(FailuresOf(WithLists(List(addresses: ["ok@example.se", address]))));
        Assert.StartsWith("Digest:Recipients:0:Addresses", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_municipality_in_a_list_is_named()
    {
        var failure = Assert.Single(FailuresOf(WithLists(List(municipalities: ["vara", "lidkoping"]))));
        Assert.StartsWith("Digest:Recipients:0:Municipalities", failure, StringComparison.Ordinal);
        Assert.Contains("lidkoping", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Kommunpolis")]
    [InlineData("kommun polis")]
    public void A_list_id_that_cannot_be_a_key_is_named(string id)
    {
        var failure = Assert.Single(FailuresOf(WithLists(List(id))));
        Assert.StartsWith("Digest:Recipients:0:Id", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_lists_with_the_same_id_are_refused()
    {
        var failure = Assert.Single(FailuresOf(WithLists(List("kommunpolis"), List("kommunpolis", addresses: ["other@example.se"]))));
        Assert.StartsWith("Digest:Recipients", failure, StringComparison.Ordinal);
        Assert.Contains("same Id", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_fault_is_reported_at_once()
    {
        var options = WithLists(List("dup", addresses: []), List("dup", addresses: ["nope"], municipalities: ["lerum"]));
        options.From = "nope";
        Assert.Equal(5, FailuresOf(options).Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0 4 * * 1")]
    public void A_missing_or_five_field_digest_schedule_is_named(string? schedule)
    {
        var validator = new DigestOptionsValidator(
            new MunicipalityCatalog(Options.Create(new MunicipalityOptions())),
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DIGEST_SCHEDULE"] = schedule }).Build());

        var result = validator.Validate(null, WithLists(List()));

        Assert.Contains(result.Failures!, f => f.StartsWith("DIGEST_SCHEDULE", StringComparison.Ordinal));
    }

    [Fact]
    public void A_claim_timeout_shorter_than_a_function_may_run_is_named()
    {
        var options = WithLists(List());
        options.ClaimTimeout = TimeSpan.FromMinutes(1);

        Assert.Contains(FailuresOf(options), f => f.StartsWith("Digest:ClaimTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_delivery_settings_end_a_send_well_inside_the_function_timeout()
    {
        Assert.InRange(new DigestDeliveryOptions().WorstCase(), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4));
    }

    [Fact]
    public void Delivery_settings_that_could_outlast_the_function_are_named()
    {
        var options = WithLists(List());
        options.Delivery = new DigestDeliveryOptions { MaxRetries = 6, AttemptTimeout = TimeSpan.FromMinutes(1) };

        Assert.Contains(FailuresOf(options), f => f.StartsWith("Digest:Delivery", StringComparison.Ordinal));
    }

    [Fact]
    public void The_smtp_transport_needs_a_host_and_never_echoes_the_password()
    {
        var options = WithLists(List());
        options.Transport = DigestTransport.Smtp;
        options.Smtp = new DigestSmtpOptions { Host = "smtp.grastorp.example", Password = "s3cret-value" };

        var failure = Assert.Single(FailuresOf(options));
        Assert.StartsWith("Digest:Smtp:UserName", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_acs_transport_needs_an_https_endpoint()
    {
        var options = WithLists(List());
        options.Transport = DigestTransport.Acs;

        Assert.StartsWith("Acs:Endpoint", Assert.Single(FailuresOf(options)), StringComparison.Ordinal);
    }
}
