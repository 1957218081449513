using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>
/// The learned <c>other</c> class (<see cref="ThemeModelOther"/>): the rule that weighs it against the themes, the
/// classifier that scores it, and the loader that checks it.
/// </summary>
public sealed class LearnedOtherTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("other-models").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly double[] Thresholds = [0.5, 0.5];
    private static readonly double[] Vetoes = [0.1, 0.1];

    private static bool[] Decide(bool[] lexicon, double[] probability, (double, double, double)? other)
    {
        var decided = new bool[lexicon.Length];
        DecisionRule.DecideAll(lexicon, probability, Thresholds, Vetoes, other, decided);
        return decided;
    }

    [Fact]
    public void Without_a_learned_other_each_theme_is_decided_on_its_own()
    {
        Assert.Equal([true, true], Decide([true, false], [0.3, 0.8], null));
        Assert.Equal([false, false], Decide([true, false], [0.05, 0.4], null));
    }

    [Theory]
    [InlineData(0.90, 0.2, false)] // a lexicon hit at 0.3 is 0.6 behind other: more than the margin
    [InlineData(0.45, 0.2, true)]  // 0.15 behind: within the margin
    [InlineData(0.99, 1.0, true)]  // margin 1: other never vetoes
    public void A_theme_must_come_within_the_margin_of_other(double other, double margin, bool applies) =>
        Assert.Equal([applies, false], Decide([true, false], [0.3, 0.2], (other, margin, 0)));

    [Theory]
    [InlineData(0.10, 0.3, true)]  // no theme passed, other is unlikely: the likeliest theme (the second) is given
    [InlineData(0.40, 0.3, false)] // other is likely enough: other
    [InlineData(0.00, 0.0, false)] // rescue 0: never
    public void When_no_theme_passed_an_unlikely_other_gives_the_likeliest_theme(double other, double rescue, bool given) =>
        Assert.Equal([false, given], Decide([false, false], [0.2, 0.4], (other, 1, rescue)));

    [Theory]
    [InlineData(0.08, false)] // below its veto: not even a lexicon hit would stand there, so no rescue either
    [InlineData(0.12, true)]
    public void A_rescued_theme_needs_at_least_the_probability_its_veto_asks_of_a_lexicon_hit(double likeliest, bool given) =>
        Assert.Equal([false, given], Decide([false, false], [0.05, likeliest], (0.05, 1, 0.3)));

    [Fact]
    public void A_theme_without_a_model_is_decided_by_its_lexicon_alone_and_never_rescued()
    {
        Assert.Equal([true, false], Decide([true, false], [double.NaN, 0.2], (0.99, 0, 0)));
        Assert.Equal([false, true], Decide([false, false], [double.NaN, 0.2], (0.0, 1, 0.5)));
    }

    /// <summary>The stem the Swedish analysis gives a word of <paramref name="text"/>, as a feature name.</summary>
    private static string WordFeature(string text, string fragment) =>
        ClassifierFactory.CreateLexiconOnly().Features(text).Keys
            .Single(k => k.StartsWith(ThemeFeatures.WordPrefix, StringComparison.Ordinal) && k.Contains(fragment, StringComparison.Ordinal));

    /// <summary>Burglary from its lexicon evidence (or a word), and an <c>other</c> class that a word can make sure of.</summary>
    private static ThemeModel Model(string burglaryWord, double burglaryWeight, string otherWord, double otherWeight, double margin, double rescue) => new()
    {
        Language = "sv",
        Themes =
        [
            new ThemeModelTheme
            {
                Id = Theme.Burglary,
                Bias = -3,
                Threshold = 0.5,
                Veto = 0.1,
                Weights = new Dictionary<string, double> { [burglaryWord] = burglaryWeight, [ThemeFeatures.Lexicon(Theme.Burglary)] = 4 },
            },
        ],
        Other = new ThemeModelOther
        {
            Bias = -2,
            Margin = margin,
            Rescue = rescue,
            Weights = new Dictionary<string, double> { [otherWord] = otherWeight, [ThemeFeatures.Lexicon(Theme.Burglary)] = -1 },
        },
    };

    [Fact]
    public void A_lexicon_hit_the_other_model_is_much_surer_against_gives_other()
    {
        const string text = "Lamporna vid cykelstället har varit trasiga sedan inbrottet.";
        var lamp = WordFeature(text, "lamp");
        var sure = new LexiconTipClassifier(BuiltInLexicons.All(), Model("w:x", 0, lamp, 12, margin: 0.2, rescue: 0));
        var never = new LexiconTipClassifier(BuiltInLexicons.All(), Model("w:x", 0, lamp, 12, margin: 1, rescue: 0));

        Assert.Equal(Theme.Other, sure.Classify(text).Primary);
        Assert.Equal([Theme.Other], sure.Classify(text).Themes.Select(t => t.Theme));
        Assert.Equal(Theme.Burglary, never.Classify(text).Primary);
    }

    [Fact]
    public void A_tip_no_theme_passed_gets_the_likeliest_theme_when_other_is_unlikely_and_shows_its_words()
    {
        const string text = "Någon var inne vid vattentornet i natt och tog grejer.";
        var tower = WordFeature(text, "vattentorn");
        var rescued = new LexiconTipClassifier(BuiltInLexicons.All(), Model(tower, 2.8, "w:x", 0, margin: 1, rescue: 0.2));
        var plain = new LexiconTipClassifier(BuiltInLexicons.All(), Model(tower, 2.8, "w:x", 0, margin: 1, rescue: 0));

        var match = Assert.Single(rescued.Classify(text).Themes);

        Assert.Equal(Theme.Burglary, match.Theme);
        Assert.Contains("vattentornet", match.Matched);
        Assert.Equal(Theme.Other, plain.Classify(text).Primary);
    }

    [Fact]
    public void An_other_block_with_bad_values_lists_every_problem()
    {
        var path = Path.Combine(_directory, "fel.model.json");
        File.WriteAllText(path, """
            { "language": "sv",
              "themes": [ { "id": "drugs", "bias": 1, "threshold": 0.5, "veto": 0, "weights": { "w:hasch": 1 } } ],
              "other": { "bias": 1e9, "margin": 2, "rescue": 1, "weights": { "knark": 1, "lex:miljo": 1 } } }
            """);

        var ex = Assert.Throws<LexiconException>(() => ThemeModelLoader.LoadFile(path));

        Assert.Contains("other: bias must be", ex.Message, StringComparison.Ordinal);
        Assert.Contains("other: margin must be between 0 and 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("other: rescue must be at least 0 and below 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("other: feature 'knark' is not a known kind of feature", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_other_model_reading_a_theme_no_lexicon_has_fails_naming_the_model()
    {
        var model = Model("w:x", 0, ThemeFeatures.Lexicon("miljo"), 1, margin: 1, rescue: 0);

        var ex = Assert.Throws<LexiconException>(() => new LexiconTipClassifier(BuiltInLexicons.All(), model, "egen.model.json"));

        Assert.Contains("'miljo'", ex.Message, StringComparison.Ordinal);
    }
}
