using Grastorp.Intake.Cli.Privacy;
using Grastorp.Intake.Core.Privacy;

namespace Grastorp.Intake.Cli.Tests;

/// <summary>The targets of issue 21 on tests/data/personal-data.jsonl, scored as <c>mask --evaluate</c> scores them.</summary>
public class PersonalDataCorpusTests
{
    public static TheoryData<string> Parts => new() { "tuned", "held-out" };

    [Theory]
    [MemberData(nameof(Parts))]
    public async Task The_detector_meets_the_targets_overall_and_per_kind(string part)
    {
        var texts = (await LabelledTextReader.ReadAsync(CorpusPath(), TestContext.Current.CancellationToken))
            .Where(t => t.HeldOut == (part == "held-out"))
            .ToList();

        var evaluation = PersonalDataEvaluation.Run(new PersonalDataDetector(), texts);

        Assert.True(texts.Count >= 70, $"only {texts.Count} {part} lines");
        foreach (var score in evaluation.Scores.Append(evaluation.Overall))
        {
            Assert.True(score.Expected >= 5, $"{part} {score.Kind}: only {score.Expected} labelled items");
            Assert.True(score.Recall >= 0.95, $"{part} {score.Kind}: recall {score.Recall:0.000}");
            Assert.True(score.Precision >= 0.90, $"{part} {score.Kind}: precision {score.Precision:0.000}");
        }
    }

    [Fact]
    public async Task The_corpus_is_large_and_holds_texts_with_nothing_to_find()
    {
        var texts = await LabelledTextReader.ReadAsync(CorpusPath(), TestContext.Current.CancellationToken);

        Assert.True(texts.Count >= 200);
        Assert.True(texts.Count(t => t.Expected.Count == 0) >= 80);
        Assert.Equal(texts.Count, texts.Select(t => t.Id).Distinct().Count());
    }

    private static string CorpusPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "tests", "data", "personal-data.jsonl")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("tests/data not found above the test binaries"), "tests", "data", "personal-data.jsonl");
    }
}
