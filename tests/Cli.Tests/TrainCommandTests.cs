using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Cli.Tests;

public sealed class TrainCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("train").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static IEnumerable<string> Rows(string prefix, int count)
    {
        (string Text, string Theme)[] texts =
        [
            ("Man gripen med narkotika i bilen.", "drugs"),
            ("Trafikolycka med två bilar på väg 44.", "traffic"),
            ("Inbrott i en villa under natten.", "burglary"),
            ("Brand i ett soprum, ingen skadad.", "other"),
        ];
        return Enumerable.Range(0, count).Select(i => $$"""{"id": "{{prefix}}{{i}}", "text": "{{texts[i % texts.Length].Text}}", "themes": ["{{texts[i % texts.Length].Theme}}"]}""");
    }

    [Fact]
    public async Task Train_writes_a_model_the_app_can_load()
    {
        var police = Write("police.jsonl", Rows("p", 120));
        var residents = Write("resident-tips.tune.jsonl", Rows("r", 40));
        var output = Path.Combine(_directory, "sv.model.json");

        var (exitCode, stdout, error) = await CliRun.RunAsync("", "train", "--police", police, "--residents", residents, "--output", output);

        Assert.True(exitCode == 0, error);
        Assert.Contains("drugs: out-of-fold F1", stdout, StringComparison.Ordinal);
        var model = ThemeModelLoader.LoadFile(output);
        Assert.Equal(["drugs", "traffic", "burglary"], model.Themes.Select(t => t.Id));
        Assert.Contains("police.jsonl", model.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("villa", File.ReadAllText(output).Replace("w:villa", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_refuses_a_test_file()
    {
        var police = Write("police.jsonl", Rows("p", 10));
        var residents = Write("resident-tips.test.jsonl", Rows("r", 10));

        var (exitCode, _, error) = await CliRun.RunAsync("", "train", "--police", police, "--residents", residents, "--output", Path.Combine(_directory, "m.json"));

        Assert.Equal(2, exitCode);
        Assert.Contains("test file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_reports_a_malformed_line_by_path_and_line_and_exits_2()
    {
        var police = Write("police.jsonl", [.. Rows("p", 3), "{\"id\":\"p9\",\"text\":\"hemlig text"]);
        var residents = Write("resident-tips.tune.jsonl", Rows("r", 3));

        var (exitCode, _, error) = await CliRun.RunAsync("", "train", "--police", police, "--residents", residents, "--output", Path.Combine(_directory, "m.json"));

        Assert.Equal(2, exitCode);
        Assert.Equal($"{police}:4: not a JSON object", error.Trim());
    }
}
