using Grastorp.Intake.Core.Municipalities;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Tests.Municipalities;

public class MunicipalityCatalogTests
{
    private static MunicipalityCatalog Catalog(string defaultId = "grastorp", params string[] ids) =>
        new(Options.Create(new MunicipalityOptions { Default = defaultId, Ids = [.. ids] }));

    [Fact]
    public void No_configured_ids_means_grastorp_vara_and_essunga()
    {
        var catalog = Catalog();
        Assert.Equal(
            [new Municipality("grastorp", "Grästorp"), new Municipality("vara", "Vara"), new Municipality("essunga", "Essunga")],
            catalog.All);
        Assert.Equal(new Municipality("grastorp", "Grästorp"), catalog.Default);
    }

    [Fact]
    public void Configured_ids_choose_the_municipalities_in_their_order_with_their_known_names()
    {
        var catalog = Catalog("vara", "essunga", "vara");
        Assert.Equal([new Municipality("essunga", "Essunga"), new Municipality("vara", "Vara")], catalog.All);
        Assert.Equal("Vara", catalog.Default.Name);
    }

    [Fact]
    public void An_id_the_code_does_not_know_is_named_by_its_id()
    {
        var catalog = Catalog("lerum", "grastorp", "lerum");
        Assert.Equal(new Municipality("lerum", "lerum"), catalog.Default);
    }

    [Theory]
    [InlineData("grastorp", "grastorp")]
    [InlineData("GRASTORP", "grastorp")]
    [InlineData("Grästorp", "grastorp")]
    [InlineData("grästorp", "grastorp")]
    [InlineData("GRÄSTORP", "grastorp")]
    [InlineData("Vara", "vara")]
    [InlineData("  essunga  ", "essunga")]
    public void TryFind_finds_by_id_or_name_in_any_case(string typed, string expectedId)
    {
        Assert.True(Catalog().TryFind(typed, out var municipality));
        Assert.Equal(expectedId, municipality.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Lidköping")]
    [InlineData("gras")]
    public void TryFind_finds_nothing_for_an_unknown_or_empty_name(string? typed)
    {
        Assert.False(Catalog().TryFind(typed, out var municipality));
        Assert.Null(municipality);
    }

    [Fact]
    public void TryFind_only_finds_configured_municipalities()
    {
        Assert.False(Catalog("vara", "vara").TryFind("grastorp", out _));
    }
}
