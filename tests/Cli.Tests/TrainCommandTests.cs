using Grastorp.Intake.Classification;
using Grastorp.Intake.Cli.Evaluation;

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
    public async Task Train_with_char_grams_writes_their_settings_and_bucket_weights()
    {
        var police = Write("police.jsonl", Rows("p", 120));
        var residents = Write("resident-tips.tune.jsonl", Rows("r", 40));
        var output = Path.Combine(_directory, "sv.model.json");

        var (exitCode, _, error) = await CliRun.RunAsync(
            "", "train", "--police", police, "--residents", residents, "--output", output,
            "--char-grams", "3-5", "--char-buckets", "4096", "--char-scale", "2", "--char-min-count", "2", "--l1", "0");

        Assert.True(exitCode == 0, error);
        var model = ThemeModelLoader.LoadFile(output);
        Assert.Equal(new ThemeModelCharGrams { MinLength = 3, MaxLength = 5, Buckets = 4096, Scale = 2 }, model.CharGrams);
        Assert.Contains(model.Themes.SelectMany(t => t.Weights.Keys), k => ThemeFeatures.CharGramBucket(k) is >= 0 and < 4096);
        Assert.Contains("character 3-5-grams in 4096 buckets", model.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_with_a_learned_other_writes_its_weights_and_the_rule_chosen_out_of_fold()
    {
        var police = Write("police.jsonl", Rows("p", 120));
        var residents = Write("resident-tips.tune.jsonl", Rows("r", 40));
        var output = Path.Combine(_directory, "sv.model.json");

        var (exitCode, stdout, error) = await CliRun.RunAsync(
            "", "train", "--police", police, "--residents", residents, "--output", output, "--other", "learned");

        Assert.True(exitCode == 0, error);
        Assert.Contains("other: out-of-fold F1", stdout, StringComparison.Ordinal);
        Assert.Contains("out-of-fold macro-F1 with other as what no theme passed", stdout, StringComparison.Ordinal);
        var other = ThemeModelLoader.LoadFile(output).Other;
        Assert.NotNull(other);
        Assert.Contains(other.Weights, w => w.Key.StartsWith(ThemeFeatures.WordPrefix, StringComparison.Ordinal) && w.Value > 0);
        // The margin and rescue written are the ones the out-of-fold report chose.
        Assert.Contains(FormattableString.Invariant($"rule margin {other.Margin} rescue {other.Rescue},"), stdout, StringComparison.Ordinal);
        Assert.Contains("and one for other", ThemeModelLoader.LoadFile(output).Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_without_other_writes_no_other_block()
    {
        var police = Write("police.jsonl", Rows("p", 120));
        var residents = Write("resident-tips.tune.jsonl", Rows("r", 40));
        var output = Path.Combine(_directory, "sv.model.json");

        var (exitCode, _, error) = await CliRun.RunAsync("", "train", "--police", police, "--residents", residents, "--output", output);

        Assert.True(exitCode == 0, error);
        Assert.Null(ThemeModelLoader.LoadFile(output).Other);
    }

    [Fact]
    public async Task Train_with_a_text_layer_writes_it_with_the_keep_and_add_chosen_out_of_fold()
    {
        var police = Write("police.jsonl", Rows("p", 120));
        var residents = Write("resident-tips.tune.jsonl", Rows("r", 40));
        var output = Path.Combine(_directory, "sv.model.json");

        var (exitCode, stdout, error) = await CliRun.RunAsync(
            "", "train", "--police", police, "--residents", residents, "--output", output, "--other", "learned",
            "--text-layer", "2-4", "--text-buckets", "4096");

        Assert.True(exitCode == 0, error);
        Assert.Contains("text layer drugs: out-of-fold F1", stdout, StringComparison.Ordinal);
        var model = ThemeModelLoader.LoadFile(output);
        var text = model.Text;
        Assert.NotNull(text);
        Assert.Equal((2, 4, 4096, 4096), (text.MinLength, text.MaxLength, text.WordBuckets, text.CharBuckets));
        Assert.Equal(["drugs", "traffic", "burglary", "other"], text.Columns.Select(c => c.Id));
        Assert.Contains(FormattableString.Invariant($"text layer: keep {text.Keep}, add {text.Add};"), stdout, StringComparison.Ordinal);
        Assert.Contains("a text layer of TF-IDF words", model.Source, StringComparison.Ordinal);

        // What it learned points the right way: a drug text's own word and n-grams weigh for drugs, against traffic.
        var buckets = new LexiconTipClassifier([LexiconLoader.LoadBuiltIn("sv")]).TextGrams("narkotika", text);
        double Weight(string column) => buckets.Sum(b => text.Columns.Single(c => c.Id == column).Weights.Decode()![b]);
        Assert.True(Weight("drugs") > 0, $"drugs {Weight("drugs")}");
        Assert.True(Weight("traffic") < 0, $"traffic {Weight("traffic")}");
    }

    [Theory]
    [InlineData("--char-grams", "5-3", "--char-buckets", "4096", "charGrams")]
    [InlineData("--char-grams", "3-5", "--char-buckets", "3000", "charGrams")]
    [InlineData("--text-layer", "5-3", "--text-buckets", "4096", "text: ")]
    [InlineData("--text-layer", "2-5", "--text-buckets", "3000", "text: ")]
    public async Task Train_refuses_unusable_n_gram_settings(string option, string lengths, string bucketOption, string buckets, string problem)
    {
        var police = Write("police.jsonl", Rows("p", 20));
        var residents = Write("resident-tips.tune.jsonl", Rows("r", 8));

        var (exitCode, _, error) = await CliRun.RunAsync(
            "", "train", "--police", police, "--residents", residents, "--output", Path.Combine(_directory, "m.json"),
            option, lengths, bucketOption, buckets);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "m.json")));
    }

    [Fact]
    public async Task Train_refuses_a_tip_marked_held_out_whatever_the_file_is_called()
    {
        var police = Write("police.jsonl", Rows("p", 10));
        var heldOut = """{"id": "h7", "text": "Inbrott i förrådet i natt.", "themes": ["burglary"], "heldOut": true}""";
        var residents = Write("my-tips.jsonl", [.. Rows("r", 10), heldOut]);
        var output = Path.Combine(_directory, "m.json");

        var (exitCode, _, error) = await CliRun.RunAsync("", "train", "--police", police, "--residents", residents, "--output", output);

        Assert.Equal(2, exitCode);
        Assert.Equal("tip h7 is marked heldOut (a test tip); train on tune data only", error.Trim());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Train_learns_from_corrections_as_a_domain_of_their_own_and_skips_those_without_text()
    {
        var police = Write("police.jsonl", Rows("p", 120));
        var residents = Write("resident-tips.tune.jsonl", Rows("r", 40));
        var corrections = Write("corrections.jsonl",
        [
            .. Rows("c", 40).Select(l => l.Replace("\"themes\"", "\"originalThemes\": [\"other\"], \"week\": \"2026-W49\", \"themes\"", StringComparison.Ordinal)),
            """{"id": "c-gone", "themes": ["drugs"], "originalThemes": ["other"], "week": "2026-W49"}""",
        ]);
        var output = Path.Combine(_directory, "m.json");
        var oof = Path.Combine(_directory, "oof.jsonl");

        var (exitCode, stdout, error) = await CliRun.RunAsync(
            "", "train", "--police", police, "--residents", residents, "--corrections", corrections, "--correction-weight", "2", "--output", output, "--out-of-fold", oof);

        Assert.True(exitCode == 0, error);
        Assert.Contains("1 corrections have no text left (retention) and are skipped", stdout, StringComparison.Ordinal);
        Assert.Contains("(83 police, 40 resident, 40 corrections)", stdout, StringComparison.Ordinal);
        Assert.Contains("out-of-fold correction (40 texts): macro-F1", stdout, StringComparison.Ordinal);
        Assert.Contains("staff corrections from corrections.jsonl (weight 2)", ThemeModelLoader.LoadFile(output).Source, StringComparison.Ordinal);
        var lines = File.ReadAllLines(oof);
        Assert.Equal(163, lines.Length);
        Assert.All(lines, l => Assert.DoesNotContain("villa", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Train_refuses_a_held_out_tip_in_the_corrections()
    {
        var police = Write("police.jsonl", Rows("p", 10));
        var residents = Write("tips.jsonl", Rows("r", 10));
        var corrections = Write("corrections.jsonl", ["""{"id": "h9", "text": "Inbrott i förrådet.", "themes": ["burglary"], "originalThemes": ["other"], "heldOut": true}"""]);

        var (exitCode, _, error) = await CliRun.RunAsync("", "train", "--police", police, "--residents", residents, "--corrections", corrections, "--output", Path.Combine(_directory, "m.json"));

        Assert.Equal(2, exitCode);
        Assert.Equal("tip h9 is marked heldOut (a test tip); train on tune data only", error.Trim());
    }

    [Theory]
    [InlineData("resident-tips.test.jsonl")]
    [InlineData("resident-tips.hard.jsonl")]
    [InlineData("third-author-tips.jsonl")]
    [InlineData("seventh-author-tips.jsonl")]
    [InlineData("eleventh-author-tips.jsonl")]
    [InlineData("fifteenth-author-tips.jsonl")]
    [InlineData("eighteenth-author-tips.jsonl")]
    [InlineData("nineteenth-author-tips.jsonl")]
    [InlineData("twenty-sixth-author-tips.jsonl")]
    [InlineData("twenty-seventh-author-tips.jsonl")]
    public async Task Every_tip_of_the_never_tuned_sets_carries_the_held_out_mark(string name)
    {
        var tips = await LabelledTipReader.ReadAsync(Path.Combine(RepositoryData(), name), TestContext.Current.CancellationToken);

        Assert.NotEmpty(tips);
        Assert.All(tips, tip => Assert.True(tip.HeldOut, $"{tip.Id} lacks \"heldOut\": true"));
    }

    [Fact]
    public async Task No_training_tip_shares_an_id_or_a_text_with_the_never_tuned_sets()
    {
        var training = await ReadAllAsync(
            "resident-tips.tune.jsonl",
            "second-author-tips.jsonl",
            "fourth-author-tips.jsonl",
            "fifth-author-tips.jsonl",
            "sixth-author-tips.jsonl",
            "eighth-author-tips.jsonl",
            "ninth-author-tips.jsonl",
            "tenth-author-tips.jsonl",
            "twelfth-author-tips.jsonl",
            "thirteenth-author-tips.jsonl",
            "fourteenth-author-tips.jsonl",
            "sixteenth-author-tips.jsonl",
            "seventeenth-author-tips.jsonl",
            "twentieth-author-tips.jsonl",
            "twenty-first-author-tips.jsonl",
            "twenty-second-author-tips.jsonl",
            "twenty-third-author-tips.jsonl",
            "twenty-fourth-author-tips.jsonl",
            "twenty-fifth-author-tips.jsonl");
        var heldOut = await ReadAllAsync(
            "resident-tips.test.jsonl", "resident-tips.hard.jsonl", "third-author-tips.jsonl", "seventh-author-tips.jsonl", "eleventh-author-tips.jsonl", "fifteenth-author-tips.jsonl",
            "eighteenth-author-tips.jsonl", "nineteenth-author-tips.jsonl", "twenty-sixth-author-tips.jsonl", "twenty-seventh-author-tips.jsonl");

        Assert.Empty(training.Select(t => t.Id).Intersect(heldOut.Select(t => t.Id)));
        Assert.Empty(training.Select(t => Normalised(t.Text)).Intersect(heldOut.Select(t => Normalised(t.Text))));
        Assert.DoesNotContain(training, t => t.HeldOut);
    }

    private static async Task<List<LabelledTip>> ReadAllAsync(params string[] names)
    {
        var tips = new List<LabelledTip>();
        foreach (var name in names)
        {
            tips.AddRange(await LabelledTipReader.ReadAsync(Path.Combine(RepositoryData(), name), TestContext.Current.CancellationToken));
        }

        return tips;
    }

    [Fact]
    public async Task Train_reads_every_residents_file_it_is_given_and_names_them_in_the_model()
    {
        var police = Write("police.jsonl", Rows("p", 120));
        var tune = Write("resident-tips.tune.jsonl", Rows("r", 40));
        var second = Write("second-author-tips.jsonl", Rows("s", 24));
        var output = Path.Combine(_directory, "sv.model.json");

        var (exitCode, stdout, error) = await CliRun.RunAsync("", "train", "--police", police, "--residents", tune, "--residents", second, "--output", output);

        Assert.True(exitCode == 0, error);
        Assert.Contains("64 resident", stdout, StringComparison.Ordinal);
        var source = ThemeModelLoader.LoadFile(output).Source;
        Assert.Contains("resident-tips.tune.jsonl, second-author-tips.jsonl", source, StringComparison.Ordinal);
        Assert.Contains("spelling dictionary none", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("101")]
    public async Task Train_refuses_a_word_scale_the_app_could_not_load(string scale)
    {
        var police = Write("police.jsonl", Rows("p", 120));
        var residents = Write("resident-tips.tune.jsonl", Rows("r", 40));
        var output = Path.Combine(_directory, "sv.model.json");

        var (exitCode, _, error) = await CliRun.RunAsync("", "train", "--police", police, "--residents", residents, "--output", output, "--word-scale", scale);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--word-scale must be above 0 and at most 100", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Train_refuses_a_held_out_tip_in_any_residents_file()
    {
        var police = Write("police.jsonl", Rows("p", 120));
        var tune = Write("resident-tips.tune.jsonl", Rows("r", 40));
        var second = Write("more.jsonl", [.. Rows("s", 4), """{"id": "t9", "text": "Inbrott i förrådet.", "themes": ["burglary"], "heldOut": true}"""]);
        var output = Path.Combine(_directory, "sv.model.json");

        var (exitCode, _, error) = await CliRun.RunAsync("", "train", "--police", police, "--residents", tune, "--residents", second, "--output", output);

        Assert.Equal(2, exitCode);
        Assert.Equal("tip t9 is marked heldOut (a test tip); train on tune data only", error.Trim());
        Assert.False(File.Exists(output));
    }

    private static string Normalised(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Train_reads_the_configured_extra_lexicons_and_checks_the_model_with_them()
    {
        // An extra lexicon that adds a Swedish word for drugs the built-in one lacks: the model's lexicon feature must see it.
        var extra = Write("extra.sv.json", ["""{"language": "sv", "themes": [{"id": "drugs", "threshold": 1, "terms": [{"weight": 1, "words": ["blåbärspaj"]}]}]}"""]);
        var texts = Enumerable.Range(0, 60).Select(i => i % 2 == 0
            ? $$"""{"id": "r{{i}}", "text": "De säljer blåbärspaj vid skolan {{i}}", "themes": ["drugs"]}"""
            : $$"""{"id": "r{{i}}", "text": "Brand i ett soprum {{i}}", "themes": ["other"]}""");
        var police = Write("police.jsonl", Rows("p", 120));
        var residents = Write("tips.jsonl", texts);
        var output = Path.Combine(_directory, "m.json");
        var settings = new Dictionary<string, string?> { ["Classifier:ExtraLexicons:0"] = extra };

        var (exitCode, stdout, error) = await CliRun.RunWithSettingsAsync(settings, "", "train", "--police", police, "--residents", residents, "--output", output);

        Assert.True(exitCode == 0, error);
        Assert.Contains("drugs: out-of-fold F1 (police, resident) lexicon alone (1.000, 1.000)", stdout, StringComparison.Ordinal);
        Assert.Contains("out-of-fold macro-F1 with other (police, resident):", stdout, StringComparison.Ordinal);
        Assert.Contains("with extra lexicons extra.sv.json", ThemeModelLoader.LoadFile(output).Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_without_the_Swedish_lexicon_names_the_setting_and_leaves_the_old_model()
    {
        var police = Write("police.jsonl", Rows("p", 40));
        var residents = Write("tips.jsonl", Rows("r", 20));
        var output = Write("m.json", ["old"]);

        var settings = new Dictionary<string, string?> { ["Classifier:Languages:0"] = "en" };
        var (exitCode, _, error) = await CliRun.RunWithSettingsAsync(settings, "", "train", "--police", police, "--residents", residents, "--output", output);

        Assert.Equal(2, exitCode);
        Assert.Equal("Classifier:Languages leaves out sv; train learns from the Swedish analysis and needs it.", error.Trim());
        Assert.Equal(["old"], File.ReadAllLines(output));
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

    private static string RepositoryData()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "tests", "data")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("tests/data not found above the test binaries"), "tests", "data");
    }
}
