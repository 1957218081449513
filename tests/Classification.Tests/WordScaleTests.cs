using Grastorp.Intake.Classification.Analysis;
using Grastorp.Intake.Classification.Analysis.Lexicon;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>
/// Word features scaled by the tip's length (<see cref="ThemeModel.WordScale"/>): training and the app give them the
/// same value, so the app's probability is the one training scored.
/// </summary>
public class WordScaleTests
{
    private static bool IsWordOrBigram(string name) =>
        name.StartsWith(ThemeFeatures.WordPrefix, StringComparison.Ordinal) || name.StartsWith(ThemeFeatures.BigramPrefix, StringComparison.Ordinal);

    [Fact]
    public void Without_a_scale_every_word_counts_one()
    {
        var features = ClassifierFactory.CreateLexiconOnly().Features("Gatlyktorna vid skolan är trasiga igen.");

        Assert.All(features.Where(f => IsWordOrBigram(f.Key)), f => Assert.Equal(1, f.Value));
    }

    [Fact]
    public void A_longer_tip_gives_each_word_less()
    {
        var lexicon = ClassifierFactory.CreateLexiconOnly();
        var shortTip = lexicon.Features("Gatlyktorna är trasiga.", wordScale: 3).Where(f => IsWordOrBigram(f.Key)).Select(f => f.Value).Distinct();
        var longTip = lexicon.Features("Gatlyktorna vid skolan och längs cykelbanan mot idrottshallen är trasiga igen.", wordScale: 3)
            .Where(f => IsWordOrBigram(f.Key)).Select(f => f.Value).Distinct();

        Assert.True(Assert.Single(longTip) < Assert.Single(shortTip));
        Assert.Equal(ThemeFeatures.WordValue(3, 3), Assert.Single(shortTip), 9); // three words: 3 / √3
    }

    [Theory]
    [InlineData("Gatlyktorna vid skolan är trasiga igen, trasiga sedan i somras.")]
    [InlineData("Det är inte knark, bara ungdomar som samlas vid vattentornet på kvällarna.")]
    public void The_app_scores_the_probability_training_scored(string text)
    {
        // Every word and bigram training sees weighs 0.1: the app's burglary probability must be the logistic of
        // 0.1 × (sum of the values training gave them).
        const double scale = 3;
        var training = ClassifierFactory.CreateLexiconOnly().Features(text, wordScale: scale).Where(f => IsWordOrBigram(f.Key)).ToList();
        var model = new ThemeModel
        {
            Language = "sv",
            WordScale = scale,
            Themes = [new ThemeModelTheme { Id = Theme.Burglary, Bias = -1, Threshold = 0.01, Weights = training.ToDictionary(f => f.Key, _ => 0.1) }],
        };
        var expected = 1 / (1 + Math.Exp(-(-1 + (0.1 * training.Sum(f => f.Value)))));

        var match = new LexiconTipClassifier(BuiltInLexicons.All(), model).Classify(text).Themes.Single(t => t.Theme == Theme.Burglary);

        Assert.Equal(Math.Round(expected, 3), match.Confidence);
        Assert.NotEqual(Math.Round(1 / (1 + Math.Exp(-(-1 + (0.1 * training.Count)))), 3), match.Confidence);
    }

    [Fact]
    public void The_app_counts_the_words_it_reads_as_training_does()
    {
        const string text = "Ungdomar samlas vid vattentornet, inte knark men stökigt, vid vattentornet igen.";
        var swedish = BuiltInLexicons.All().Single(l => l.Language == "sv");
        var (order, _) = LexiconThemeOrder.Of([swedish]);
        var model = new ThemeModel { Language = "sv", WordScale = 2, Themes = [new ThemeModelTheme { Id = Theme.Burglary, Threshold = 0.5, Weights = new Dictionary<string, double> { ["w:x"] = 1 } }] };
        var lexicon = LexiconCompiler.Compile(swedish, order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i), model, "test");
        var buffer = new TokenBuffer();
        lexicon.Match(text, new ThemeScores(order.Count), buffer, looksEnglish: false);
        lexicon.CollectFeatures(buffer, text);

        var training = ClassifierFactory.CreateLexiconOnly().Features(text, wordScale: 2).First(f => IsWordOrBigram(f.Key)).Value;

        Assert.Equal(training, buffer.WordValue, 9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void A_model_with_an_unusable_word_scale_is_refused(double scale)
    {
        var model = new ThemeModel { Language = "sv", WordScale = scale, Themes = [new ThemeModelTheme { Id = Theme.Burglary, Threshold = 0.5 }] };

        Assert.Contains(ThemeModelLoader.Validate(model), p => p.StartsWith("wordScale must be", StringComparison.Ordinal));
    }
}
