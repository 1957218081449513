using System.Text.Json;

namespace Grastorp.Intake.Cli.Tests;

public class ClassifyCommandTests
{
    [Fact]
    public async Task Each_tip_line_gets_one_classification_line()
    {
        const string input = """
            {"id":"a1","text":"Någon har snott min cykel vid stationen"}
            {"id":"a2","text":"Grannen kör bil fast han är full"}
            {"id":"a3","text":"Lampan vid busshållplatsen är trasig"}
            """;

        var (exitCode, output, _) = await CliRun.RunAsync(input, "classify");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("a1", lines[0].GetProperty("id").GetString());
        Assert.Equal("burglary", lines[0].GetProperty("primary").GetString());
        Assert.Contains("snott", lines[0].GetProperty("matched").GetProperty("burglary").EnumerateArray().Select(e => e.GetString()));
        Assert.True(lines[0].GetProperty("confidence").GetProperty("burglary").GetDouble() > 0.5);
        Assert.Equal(["drugs", "traffic"], lines[1].GetProperty("themes").EnumerateArray().Select(e => e.GetString()!).Order());
        Assert.Equal("other", lines[2].GetProperty("primary").GetString());
    }

    [Fact]
    public async Task A_bad_line_is_reported_by_number_without_its_content()
    {
        const string input = "{\"id\":\"b1\",\"txt\":\"hemlig text\"}\nnot json at all\n{\"id\":\"b2\",\"text\":\"inbrott i förrådet\"}\n";

        var (exitCode, output, error) = await CliRun.RunAsync(input, "classify");

        Assert.Equal(1, exitCode);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("line 1", error, StringComparison.Ordinal);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hemlig", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_keyword_baseline_can_classify_too()
    {
        var (exitCode, output, _) = await CliRun.RunAsync("{\"id\":\"k\",\"text\":\"inbrott\"}\n", "classify", "--classifier", "keyword");
        Assert.Equal(0, exitCode);
        Assert.Contains("\"primary\":\"burglary\"", output, StringComparison.Ordinal);
    }
}
