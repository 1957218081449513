using Grastorp.Intake.Core.Promises;

namespace Grastorp.Intake.Core.Tests.Promises;

public sealed class PromiseFileReaderTests
{
    private static readonly HashSet<string> Themes = new(["drugs", "traffic", "burglary", "other"], StringComparer.Ordinal);

    private static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "promises");

    private static (Promise? Promise, List<string> Errors) Read(string json)
    {
        var errors = new List<string>();
        return (PromiseFileReader.Read("broken-2030.json", json, Themes, errors), errors);
    }

    [Fact]
    public void The_shipped_files_are_valid_and_Grastorp_2021_holds_its_seven_commitments()
    {
        var (promises, errors) = PromiseFileReader.ReadDirectory(ShippedFolder, Themes);

        Assert.Empty(errors);
        var grastorp = Assert.Single(promises, p => p.Municipality == "grastorp");
        Assert.False(grastorp.IsExample);
        Assert.Equal(2021, grastorp.Year);
        Assert.Equal(
            ["trafik", "skola_droger", "grannsamverkan", "belysning_buskar", "gang_cykelvagar", "ungdomsaktiviteter", "bra_arshjul"],
            grastorp.Commitments.Select(c => c.Id));
        Assert.Equal("grastorp_2021.trafik", grastorp.Commitments[0].Key);
        Assert.All(promises.Where(p => p.Municipality != "grastorp"), p => Assert.True(p.IsExample));
    }

    [Theory]
    [InlineData("""{"id":"x_2030","year":2030,"municipality":"grastorp","title":"T","source":"S","commitments":[{"id":"a","promisedBy":"polis","text":"t"}]}""", "broken-2030.json: commitments[0].promisedBy")]
    [InlineData("""{"id":"x_2030","year":2030,"municipality":"grastorp","title":"T","source":"S","commitments":[{"id":"a","promisedBy":"polisen","text":"t","themes":["trafic"]}]}""", "broken-2030.json: commitments[0].themes[0]")]
    [InlineData("""{"id":"x_2030","year":2030,"municipality":"grastorp","title":"T","source":"S","commitments":[{"id":"a","promisedBy":"polisen","text":"t","theme":["traffic"]}]}""", "broken-2030.json: commitments[0].theme")]
    [InlineData("""{"id":"x_2030","year":"2030","municipality":"grastorp","title":"T","source":"S","commitments":[{"id":"a","promisedBy":"polisen","text":"t"}]}""", "broken-2030.json: year")]
    [InlineData("""{"id":"X 2030","year":2030,"municipality":"grastorp","title":"T","source":"S","commitments":[{"id":"a","promisedBy":"polisen","text":"t"}]}""", "broken-2030.json: id")]
    [InlineData("""{"id":"x_2030","year":2030,"municipality":"grastorp","title":"T","source":"S","commitments":[]}""", "broken-2030.json: commitments")]
    [InlineData("""{"id":"x_2030","year":2030,"municipality":"grastorp","title":"T","source":"S","commitments":[{"id":"a","promisedBy":"polisen","text":""}]}""", "broken-2030.json: commitments[0].text")]
    [InlineData("""{"id":"x_2030","year":2030,"municipality":"grastorp","title":"T","source":"S","commitments":[{"id":"a","promisedBy":"polisen","text":"t"},{"id":"a","promisedBy":"polisen","text":"u"}]}""", "broken-2030.json: commitments[1].id")]
    [InlineData("""{"id":"x_2030", "year":2030""", "broken-2030.json: not valid JSON")]
    public void A_broken_file_is_refused_with_the_file_and_the_field(string json, string expected)
    {
        var (promise, errors) = Read(json);

        Assert.Null(promise);
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_files_promising_the_same_year_of_a_municipality_are_refused_naming_both()
    {
        var folder = Directory.CreateTempSubdirectory("promises-").FullName;
        foreach (var name in new[] { "a.json", "b.json" })
        {
            File.WriteAllText(Path.Combine(folder, name), $$"""{"id":"{{name[0]}}_2030","year":2030,"municipality":"vara","title":"T","source":"S","commitments":[{"id":"a","promisedBy":"kommunen","text":"t"}]}""");
        }

        var (_, errors) = PromiseFileReader.ReadDirectory(folder, Themes);

        Assert.Equal(["b.json: year 2030 of vara is already promised in a.json."], errors);
    }
}
