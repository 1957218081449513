using Grastorp.Intake.Classification.Analysis;
using Grastorp.Intake.Classification.Analysis.Lexicon;
using Grastorp.Intake.Classification.Analysis.Model;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>
/// The learned layer's character n-grams: how words are cut and hashed, that training and the app read the same
/// buckets, and that an n-gram's weight is shown as the word of the tip it came from, never as a feature name.
/// </summary>
public class CharGramTests
{
    private const string Tip = "Det hände något konstigt vid vattentornet i går kväll.";

    private static readonly ThemeModelCharGrams Settings = new() { MinLength = 3, MaxLength = 5, Buckets = 1 << 18, Scale = 2 };

    private static int[] Buckets(string word)
    {
        var buckets = new int[CharGramHasher.MaxCount(Settings)];
        return buckets[..CharGramHasher.Buckets(word, Settings, buckets)];
    }

    /// <summary>A burglary model whose only evidence is the n-grams of <paramref name="word"/>, each weighing <paramref name="weight"/>.</summary>
    private static ThemeModel ModelOfCharGrams(string word, double weight) => new()
    {
        Language = "sv",
        CharGrams = Settings,
        Themes =
        [
            new ThemeModelTheme
            {
                Id = Theme.Burglary,
                Bias = -3,
                Threshold = 0.5,
                Weights = Buckets(word).Distinct().ToDictionary(b => ThemeFeatures.CharGram(b), _ => weight),
            },
        ],
    };

    [Fact]
    public void A_word_gives_its_framed_n_grams_of_three_to_five_characters()
    {
        // "<knark>" has 5 three-grams, 4 four-grams and 3 five-grams.
        Assert.Equal(12, Buckets("knark").Length);
        Assert.All(Buckets("knark"), b => Assert.InRange(b, 0, Settings.Buckets - 1));
    }

    [Fact]
    public void Case_and_swedish_letters_are_folded_before_hashing()
    {
        Assert.Equal(Buckets("paverkade"), Buckets("Påverkade"));
        Assert.Equal(Buckets("vagen"), Buckets("VÄGEN"));
        Assert.NotEqual(Buckets("vagen"), Buckets("vagn"));
    }

    [Fact]
    public void Training_reads_the_words_buckets_each_once_at_the_tips_n_gram_value()
    {
        var features = ClassifierFactory.CreateLexiconOnly().Features("knark knark", Settings);

        var charGrams = features.Where(f => f.Key.StartsWith(ThemeFeatures.CharGramPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(Buckets("knark").Distinct().Order(), charGrams.Select(f => ThemeFeatures.CharGramBucket(f.Key)).Order());
        Assert.All(charGrams, f => Assert.Equal(Settings.Value(charGrams.Count), f.Value, 9));
        Assert.DoesNotContain(ClassifierFactory.CreateLexiconOnly().Features("knark knark").Keys, k => k.StartsWith(ThemeFeatures.CharGramPrefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Påverkade förare körde ryckigt, påverkade igen")]
    [InlineData("Det luktar gras i trappan, gras gras")]
    public void The_app_reads_the_same_buckets_at_the_same_value_as_training(string text)
    {
        // A model with a weight for every bucket training sees: the app (with its per-word memo, warmed by a first
        // call) must find exactly those buckets, at the value training gave them.
        var training = ClassifierFactory.CreateLexiconOnly().Features(text, Settings)
            .Where(f => f.Key.StartsWith(ThemeFeatures.CharGramPrefix, StringComparison.Ordinal)).ToList();
        var model = new ThemeModel
        {
            Language = "sv",
            CharGrams = Settings,
            Themes = [new ThemeModelTheme { Id = Theme.Burglary, Threshold = 0.5, Weights = training.ToDictionary(f => f.Key, _ => 0.5) }],
        };
        var swedish = BuiltInLexicons.All().Single(l => l.Language == "sv");
        var (order, _) = LexiconThemeOrder.Of([swedish]);
        var lexicon = LexiconCompiler.Compile(swedish, order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i), model, "test");
        var buffer = new TokenBuffer();

        for (var call = 0; call < 3; call++)
        {
            lexicon.Match(text, new ThemeScores(order.Count), buffer, looksEnglish: false);
            lexicon.CollectFeatures(buffer, text);
        }

        Assert.Equal(training.Count, buffer.CharGramFeatures.Count);
        Assert.Equal(training[0].Value, buffer.CharGramValue, 9);
    }

    [Fact]
    public void A_negated_word_gives_no_n_grams()
    {
        var features = ClassifierFactory.CreateLexiconOnly().Features("inte vattentornet", Settings);

        var charGrams = features.Keys.Where(k => k.StartsWith(ThemeFeatures.CharGramPrefix, StringComparison.Ordinal)).Select(ThemeFeatures.CharGramBucket);
        Assert.Empty(charGrams.Except(Buckets("inte")));
        Assert.Contains(features.Keys, k => k.StartsWith(ThemeFeatures.CharGramPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelled_word_known_only_by_its_n_grams_decides_and_is_shown_as_the_tip_writes_it()
    {
        // The model knows "vattentornet" only by its n-grams; the tip misspells it. The reason shown is the tip's word.
        var classifier = new LexiconTipClassifier(BuiltInLexicons.All(), ModelOfCharGrams("vattentornet", 1));
        var text = Tip.Replace("vattentornet", "Vatentornett", StringComparison.Ordinal);

        var match = Assert.Single(classifier.Classify(text).Themes);

        Assert.Equal(Theme.Burglary, match.Theme);
        Assert.Equal(["vatentornett"], match.Matched);
        Assert.Empty(match.Terms);
    }

    [Theory]
    [InlineData(-0.5, false)]
    [InlineData(0.0, false)]
    [InlineData(0.5, true)]
    public void A_known_word_is_shown_for_n_grams_it_shares_with_a_theme_word_only_when_it_counts_for_the_theme_itself(double forraWeight, bool shown)
    {
        // "förra" shares most of its n-grams with "förrådet". A word the model knows whole (here from another theme) is
        // not shown for borrowed letters when the model weighs it against a break-in, nor when it kept no weight for it
        // (L1 left it only a drugs weight, and "förra" was shown beside "inbrott"); it is when it counts for burglary.
        // The lexicon's "inbrott" decides either way.
        var model = ModelOfCharGrams("förrådet", 1);
        var burglary = model.Themes[0];
        var forra = BuiltInLexicons.Feature("förra", ThemeFeatures.WordPrefix);
        var drugs = new ThemeModelTheme { Id = Theme.Drugs, Bias = -5, Threshold = 0.5, Weights = new Dictionary<string, double> { [forra] = 0.5 } };
        var classifier = new LexiconTipClassifier(BuiltInLexicons.All(), model with
        {
            Themes = [burglary with { Weights = new Dictionary<string, double>(burglary.Weights) { [forra] = forraWeight } }, drugs],
        });

        var matched = Assert.Single(classifier.Classify("Förra veckan var det inbrott hos grannen.").Themes, t => t.Theme == Theme.Burglary).Matched;

        Assert.Equal(shown, matched.Contains("förra"));
    }

    [Fact]
    public void A_function_word_is_not_shown_for_its_n_grams()
    {
        var classifier = new LexiconTipClassifier(BuiltInLexicons.All(), ModelOfCharGrams("jag", 3));

        var match = Assert.Single(classifier.Classify("Jag såg något konstigt").Themes);

        Assert.Equal(Theme.Burglary, match.Theme);
        Assert.DoesNotContain("jag", match.Matched);
    }

    [Fact]
    public void Without_the_words_n_grams_the_model_finds_nothing()
    {
        var classifier = new LexiconTipClassifier(BuiltInLexicons.All(), ModelOfCharGrams("vattentornet", 1));

        Assert.Equal(Theme.Other, classifier.Classify("Det hände något konstigt vid kyrkan i går kväll.").Primary);
        Assert.Equal(Theme.Other, classifier.Classify("Det gäller inte vattentornet den här gången.").Primary);
    }

    [Fact]
    public void A_model_with_n_gram_weights_needs_sound_char_gram_settings()
    {
        var model = ModelOfCharGrams("knark", 1);

        Assert.Empty(ThemeModelLoader.Validate(model));
        Assert.Contains(ThemeModelLoader.Validate(model with { CharGrams = null }), p => p.Contains("has no charGrams settings", StringComparison.Ordinal));
        Assert.Contains(ThemeModelLoader.Validate(model with { CharGrams = Settings with { Buckets = 1 << 10 } }), p => p.Contains("beyond the 1024 buckets", StringComparison.Ordinal));
        Assert.Contains(ThemeModelLoader.Validate(model with { CharGrams = Settings with { Buckets = 3000 } }), p => p.Contains("power of two", StringComparison.Ordinal));
        Assert.Contains(ThemeModelLoader.Validate(model with { CharGrams = Settings with { MinLength = 5, MaxLength = 3 } }), p => p.Contains("minLength", StringComparison.Ordinal));
        Assert.Contains(ThemeModelLoader.Validate(model with { CharGrams = Settings with { Scale = 0 } }), p => p.Contains("scale", StringComparison.Ordinal));
        Assert.False(ThemeFeatures.IsValidName("c:"));
        Assert.False(ThemeFeatures.IsValidName("c:-1"));
        Assert.False(ThemeFeatures.IsValidName("c:12a"));
    }
}
