using Grastorp.Intake.Classification;
using System.Text.Json;
using Grastorp.Intake.Cli.Commands;
using Grastorp.Intake.Core.Themes;

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

    [Fact]
    public async Task A_tip_the_classifier_fails_on_is_reported_by_line_and_the_rest_are_classified()
    {
        const string input = "{\"id\":\"c1\",\"text\":\"inbrott\"}\n{\"id\":\"c2\",\"text\":\"hemlig boom\"}\n{\"id\":\"c3\",\"text\":\"knark\"}\n";
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await ClassifyCommand.RunAsync(new ThrowingClassifier(), new CliConsole(stdin, stdout, stderr), CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Equal(2, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("line 2: classification failed (InvalidOperationException)", stderr.ToString().Trim());
    }

    [Fact]
    public async Task A_configuration_error_prints_its_message_and_exits_2()
    {
        var (exitCode, output, error) = await CliRun.RunWithSettingsAsync(
            new Dictionary<string, string?> { ["Classifier:Model"] = "/nowhere/sv.model.json" }, "{\"id\":\"x\",\"text\":\"inbrott\"}\n", "classify");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("Classifier:Model", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private sealed class ThrowingClassifier : ITipClassifier
    {
        private readonly KeywordTipClassifier _inner = new();

        public IReadOnlyList<string> Themes => _inner.Themes;

        public TipClassification Classify(string text) =>
            text.Contains("boom", StringComparison.Ordinal) ? throw new InvalidOperationException("failed on " + text) : _inner.Classify(text);
    }
}
