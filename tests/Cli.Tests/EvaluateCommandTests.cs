namespace Grastorp.Intake.Cli.Tests;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task Police_format_with_two_themes_is_scored_per_theme()
    {
        // Police rows: extra fields, and Rattfylleri carries traffic and drugs.
        File.WriteAllLines(_file,
        [
            """{"id": "p1", "text": "Misstänkt rattfylleri på E20.", "themes": ["traffic", "drugs"], "type": "Rattfylleri", "county": "Skara"}""",
            """{"id": "p2", "text": "Inbrott i villa.", "themes": ["burglary"], "type": "Inbrott", "county": "Lidköping"}""",
            """{"id": "p3", "text": "Brand i soprum.", "themes": ["other"], "type": "Brand", "county": "Vara"}""",
            """{"id": "p4", "text": "Man gripen med narkotika.", "themes": ["drugs"], "type": "Narkotikabrott", "county": "Grästorp"}""",
        ]);

        var (exitCode, output, _) = await CliRun.RunAsync("", "evaluate", _file);

        Assert.Equal(0, exitCode);
        Assert.Contains("4 texts, exact theme set right: 4, macro-F1 **1.000**", output, StringComparison.Ordinal);
        Assert.Contains("| drugs | 2 | 1.000 | 1.000 | 1.000 |", output, StringComparison.Ordinal);
        Assert.Contains("| traffic | 1 | 1.000 | 1.000 | 1.000 |", output, StringComparison.Ordinal);
        // The confusion of primary themes: the drink-driving text's primary is one of its two gold themes (which one the
        // learned model ranks first is the model's; both are right).
        Assert.Matches(@"\| traffic \| (1 \| 0|0 \| 1) \| 0 \| 0 \|", output);
    }

    [Fact]
    public async Task Misses_list_ids_and_labels_but_never_text()
    {
        File.WriteAllLines(_file, ["""{"id":"m1","text":"hemlig text om ingenting","themes":["drugs"]}"""]);

        var (_, output, _) = await CliRun.RunAsync("", "evaluate", _file, "--classifier", "keyword", "--misses", "5");

        Assert.Contains("miss m1: gold drugs predicted other[]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hemlig", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_split_keeps_tune_and_test_apart()
    {
        File.WriteAllLines(_file, Enumerable.Range(0, 50).Select(i => $$"""{"id":"t{{i}}","text":"inbrott","themes":["burglary"]}"""));

        var (_, tune, _) = await CliRun.RunAsync("", "evaluate", _file, "--split", "tune");
        var (_, test, _) = await CliRun.RunAsync("", "evaluate", _file, "--split", "test");

        var counts = new[] { tune, test }.Select(o => int.Parse(o.Split('\n')[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(50, counts.Sum());
        Assert.All(counts, c => Assert.InRange(c, 5, 45));
    }

    [Fact]
    public async Task A_missing_file_fails_with_a_message()
    {
        var (exitCode, _, error) = await CliRun.RunAsync("", "evaluate", "/nowhere/tips.jsonl");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("/nowhere/tips.jsonl", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_line_is_reported_by_path_and_line_only()
    {
        File.WriteAllText(_file, "{\"id\":\"e1\",\"text\":\"inbrott\",\"themes\":[\"burglary\"]}\n{\"id\":\"e2\",\"text\":\"hemlig\u00E4 text\" x}\n");

        var (exitCode, _, error) = await CliRun.RunAsync("", "evaluate", _file);

        Assert.Equal(2, exitCode);
        Assert.Equal($"{_file}:2: not a JSON object", error.Trim());
    }

    [Fact]
    public async Task A_configuration_error_prints_its_message_and_exits_2()
    {
        File.WriteAllText(_file, "{\"id\":\"e1\",\"text\":\"inbrott\",\"themes\":[\"burglary\"]}\n");

        var (exitCode, _, error) = await CliRun.RunWithSettingsAsync(
            new Dictionary<string, string?> { ["Classifier:Languages:0"] = "de" }, "", "evaluate", _file);

        Assert.Equal(2, exitCode);
        Assert.Contains("Classifier:Languages:0", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
