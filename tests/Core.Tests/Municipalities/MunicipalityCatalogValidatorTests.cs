using Grastorp.Intake.Core.Municipalities;

namespace Grastorp.Intake.Core.Tests.Municipalities;

public class MunicipalityCatalogValidatorTests
{
    private readonly MunicipalityOptionsValidator _validator = new();

    private IReadOnlyList<string> FailuresOf(string defaultId, params string[] ids)
    {
        var result = _validator.Validate(null, new MunicipalityOptions { Default = defaultId, Ids = [.. ids] });
        Assert.True(result.Failed);
        return [.. result.Failures!];
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(_validator.Validate(null, new MunicipalityOptions()).Succeeded);
    }

    [Fact]
    public void A_default_among_the_configured_ids_is_valid()
    {
        Assert.True(_validator.Validate(null, new MunicipalityOptions { Default = "lerum", Ids = ["vara", "lerum"] }).Succeeded);
    }

    [Theory]
    [InlineData("lerum")]
    [InlineData("Grastorp")]
    [InlineData("Grästorp")]
    [InlineData("")]
    public void A_default_that_is_not_one_of_the_three_known_ids_is_named(string defaultId)
    {
        var failure = Assert.Single(FailuresOf(defaultId));
        Assert.StartsWith("Municipalities:Default", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_outside_the_configured_ids_is_named()
    {
        var failure = Assert.Single(FailuresOf("grastorp", "vara", "essunga"));
        Assert.StartsWith("Municipalities:Default", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_listed_twice_is_refused()
    {
        var failure = Assert.Single(FailuresOf("vara", "vara", "essunga", "vara"));
        Assert.StartsWith("Municipalities:Ids", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Vara")]
    [InlineData("grästorp")]
    [InlineData("lid köping")]
    public void An_id_that_cannot_be_a_key_is_named(string id)
    {
        var failures = FailuresOf(id, id);
        var failure = Assert.Single(failures);
        Assert.StartsWith("Municipalities:Ids", failure, StringComparison.Ordinal);
        Assert.Contains(id, failure, StringComparison.Ordinal);
    }
}
