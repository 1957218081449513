using System.Security.Cryptography;
using System.Text;
using Grastorp.Intake.Classification.Analysis.Model;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>
/// The text layer (<see cref="ThemeModelText"/>): its rule on top of the first layer, its features, the file format
/// that keeps it small, the loader's checks, and the classifier that uses it.
/// </summary>
public sealed class TextLayerTests
{
    private static readonly ThemeModelText Shape = new() { WordBuckets = 1 << 12, CharBuckets = 1 << 12 };

    private static (bool[] Decided, bool[] Added) Apply(
        bool[] decided, double[] text, double otherText, double keep = 0.1, double add = 0.9, bool[]? lexicon = null, double firstOther = double.NaN)
    {
        var added = new bool[decided.Length];
        DecisionRule.ApplyText(lexicon ?? new bool[decided.Length], text, otherText, firstOther, keep, add, decided, added);
        return (decided, added);
    }

    [Theory]
    [InlineData(true, false, 0.09, false)]  // given by the first layer's model, but the text layer is sure against it: dropped
    [InlineData(true, false, 0.10, true)]   // at keep: stays
    [InlineData(true, true, 0.01, true)]    // a lexicon hit stands, however sure the text layer is
    [InlineData(false, false, 0.89, false)] // not given, and below add: still not (other is likelier, so no fallback)
    [InlineData(false, false, 0.90, true)]  // not given, and at add: added
    public void The_text_layer_drops_a_learned_theme_below_keep_and_adds_one_from_add(bool first, bool lexicon, double text, bool applies)
    {
        var (decided, _) = Apply([first, true], [text, 0.5], otherText: 0.95, lexicon: [lexicon, false]);
        Assert.Equal(applies, decided[0]);
        Assert.True(decided[1]);
    }

    [Theory]
    [InlineData(0.30, true)]  // nothing given, and the likeliest theme beats other: given
    [InlineData(0.50, false)] // other is likelier: other
    [InlineData(double.NaN, false)] // no other column: never
    public void When_no_theme_is_left_the_likeliest_is_given_if_it_beats_other(double otherText, bool given)
    {
        var (decided, added) = Apply([false, false], [0.2, 0.4], otherText);
        Assert.Equal([false, given], decided);
        Assert.Equal([false, given], added);
    }

    [Theory]
    [InlineData(0.49, true)]
    [InlineData(0.50, false)] // the first layer is sure enough of other: nothing is given by elimination
    public void The_likeliest_is_given_only_when_the_first_layer_is_not_sure_of_other(double firstOther, bool given)
    {
        var (decided, _) = Apply([false, false], [0.2, 0.4], otherText: 0.3, firstOther: firstOther);
        Assert.Equal([false, given], decided);
    }

    [Fact]
    public void A_theme_just_dropped_is_not_given_back_as_the_likeliest()
    {
        var (decided, added) = Apply([true, false], [0.05, 0.02], otherText: 0.01);
        Assert.Equal([false, true], decided);
        Assert.Equal([false, true], added);
    }

    [Fact]
    public void A_theme_without_a_text_column_stays_as_the_first_layer_decided_it()
    {
        var (decided, added) = Apply([true, false], [double.NaN, 0.01], otherText: 0.99);
        Assert.Equal([true, false], decided);
        Assert.Equal([false, false], added);
    }

    [Fact]
    public void Stored_vectors_round_trip_within_half_a_step()
    {
        float[] values = [0, 1.5f, -3.25f, 0.001f, 12];
        var stored = ThemeModelVector.Encode(values);
        var back = stored.Decode()!;

        Assert.Equal(values.Length, back.Length);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.InRange(back[i] - values[i], -stored.Scale / 2, stored.Scale / 2);
        }

        Assert.Empty(stored.Problems("v", values.Length));
        Assert.Contains("steps must be Base64 of 4 16-bit numbers", stored.Problems("v", 4).Single(), StringComparison.Ordinal);
        Assert.NotEmpty((stored with { Steps = "inte base64!" }).Problems("v", values.Length));
    }

    private static List<int> Grams(string text) => [.. ClassifierFactory.CreateLexiconOnly().TextGrams(text, Shape)];

    [Fact]
    public void A_tip_gives_its_words_their_pairs_and_their_character_n_grams()
    {
        var one = Grams("knark");
        var two = Grams("knark säljs");

        // "knark": its word, and 2- to 5-grams of " knark " (6 + 5 + 4 + 3).
        Assert.Equal(1 + 18, one.Count);
        Assert.Single(one, b => b < Shape.WordBuckets);

        // Two words: both words, the pair, and each word's n-grams.
        Assert.Equal(3, two.Count(b => b < Shape.WordBuckets));
        Assert.Equal(18 + 18, two.Count(b => b >= Shape.WordBuckets));
        Assert.All(two, b => Assert.InRange(b, 0, Shape.WordBuckets + Shape.CharBuckets - 1));
    }

    [Fact]
    public void Missing_rings_and_dots_and_capitals_give_the_same_features()
    {
        Assert.Equal(Grams("Gräs på skolgården"), Grams("gras pa SKOLGARDEN"));
        Assert.NotEqual(Grams("gräs"), Grams("gris"));
    }

    [Fact]
    public void A_bad_text_layer_is_refused_listing_every_problem()
    {
        var model = new ThemeModel
        {
            Language = "sv",
            Themes = [new ThemeModelTheme { Id = Theme.Drugs, Threshold = 0.5 }],
            Text = Shape with
            {
                WordBuckets = 1000,
                Keep = 2,
                Idf = ThemeModelVector.Encode(new float[10]),
                Columns = [new ThemeModelTextColumn { Id = Theme.Drugs, Weights = ThemeModelVector.Encode(new float[10]) }, new ThemeModelTextColumn { Id = Theme.Drugs, Weights = ThemeModelVector.Encode(new float[10]) }],
            },
        };

        var problems = ThemeModelLoader.Validate(model);

        Assert.Contains(problems, p => p.Contains("wordBuckets must be a power of two", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("keep and add must be from 0 to 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("text.idf: steps must be Base64 of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("a theme has more than one column", StringComparison.Ordinal));
    }

    /// <summary>
    /// A first layer whose model gives drugs to every tip (<paramref name="firstBias"/> 9) or to none (-9), and a text
    /// layer whose drugs column weighs <paramref name="word"/> itself (its word bucket, not the n-grams it shares with
    /// other words): every bucket counts (idf 1), and other is likely unless the word is there.
    /// </summary>
    private static ThemeModel ModelReading(string word, double firstBias = -9, double keep = 0, double add = 0.9, bool nGrams = false)
    {
        var size = Shape.WordBuckets + Shape.CharBuckets;
        var drugs = new float[size];
        var other = new float[size];
        var buckets = new List<int>();
        new TextGrams(Shape).Collect(word, new Analysis.TokenBuffer(), buckets);
        foreach (var bucket in nGrams ? buckets : buckets[..1])
        {
            drugs[bucket] = nGrams ? 8 : 30;
            other[bucket] = nGrams ? -8 : -30;
        }

        return new ThemeModel
        {
            Language = "sv",
            Themes = [new ThemeModelTheme { Id = Theme.Drugs, Bias = firstBias, Threshold = 0.5, Veto = 0 }],
            Text = Shape with
            {
                Keep = keep,
                Add = add,
                Idf = ThemeModelVector.Encode(Enumerable.Repeat(1f, size).ToArray()),
                Columns =
                [
                    new ThemeModelTextColumn { Id = Theme.Drugs, Bias = -4, Weights = ThemeModelVector.Encode(drugs) },
                    new ThemeModelTextColumn { Id = Theme.Other, Bias = 2, Weights = ThemeModelVector.Encode(other) },
                ],
            },
        };
    }

    [Fact]
    public void The_text_layer_adds_a_theme_the_first_layer_missed_and_shows_the_tip_s_own_word_as_the_reason()
    {
        var classifier = new LexiconTipClassifier(BuiltInLexicons.All(), ModelReading("odlingslampor"));

        var match = Assert.Single(classifier.Classify("Grannen har Odlingslampor i garaget dygnet runt.").Themes);
        Assert.Equal(Theme.Drugs, match.Theme);
        Assert.Equal(["odlingslampor"], match.Matched);

        Assert.Equal(Theme.Other, classifier.Classify("Grannen har en ny gräsklippare i garaget.").Primary);
    }

    [Fact]
    public void The_text_layer_drops_a_learned_guess_it_is_sure_against_but_never_a_lexicon_hit()
    {
        const string guess = "Grannen har en ny gräsklippare i garaget.";
        const string lexiconWord = "Det säljs knark vid skolan.";
        var firstAlone = new LexiconTipClassifier(BuiltInLexicons.All(), ModelReading("odlingslampor", firstBias: 9) with { Text = null });
        Assert.Equal(Theme.Drugs, firstAlone.Classify(guess).Primary);

        var withText = new LexiconTipClassifier(BuiltInLexicons.All(), ModelReading("odlingslampor", firstBias: 9, keep: 0.5));
        Assert.Equal(Theme.Other, withText.Classify(guess).Primary);
        Assert.Equal(Theme.Drugs, withText.Classify(lexiconWord).Primary);
    }

    [Fact]
    public void A_negated_word_gives_the_text_layer_nothing()
    {
        var classifier = new LexiconTipClassifier(BuiltInLexicons.All(), ModelReading("odlingslampor"));

        Assert.Equal(Theme.Other, classifier.Classify("Det finns inga odlingslampor i garaget.").Primary);
        Assert.Equal(Theme.Drugs, classifier.Classify("Det finns odlingslampor i garaget.").Primary);
    }

    [Fact]
    public void A_negated_word_is_never_shown_as_the_reason_though_it_shares_n_grams_with_one()
    {
        var classifier = new LexiconTipClassifier(BuiltInLexicons.All(), ModelReading("odlingslampa", nGrams: true));

        var match = Assert.Single(classifier.Classify("Ingen odlingslampa här, men grannen har odlingslampor.").Themes);

        Assert.Equal(Theme.Drugs, match.Theme);
        Assert.Contains("odlingslampor", match.Matched);
        Assert.DoesNotContain("odlingslampa", match.Matched);
    }

    [Fact]
    public void A_theme_only_the_text_layer_reads_takes_its_confidence_and_words_from_it()
    {
        // The first layer has no regression for drugs at all: only the text layer can give it.
        var model = ModelReading("odlingslampor") with { Themes = [new ThemeModelTheme { Id = Theme.Burglary, Bias = -9, Threshold = 0.5 }] };
        var classifier = new LexiconTipClassifier(BuiltInLexicons.All(), model);

        var match = Assert.Single(classifier.Classify("Grannen har odlingslampor i garaget dygnet runt.").Themes);

        Assert.Equal(Theme.Drugs, match.Theme);
        Assert.True(match.Confidence > 0.9, $"confidence {match.Confidence}");
        Assert.Equal(["odlingslampor"], match.Matched);
    }

    [Fact]
    public void A_negative_idf_or_a_weight_beyond_the_limit_is_refused()
    {
        var model = ModelReading("odlingslampor");
        var size = Shape.WordBuckets + Shape.CharBuckets;
        var idf = Enumerable.Repeat(1f, size).ToArray();
        idf[7] = -1;
        var heavy = new float[size];
        heavy[3] = 1000;

        var problems = ThemeModelLoader.Validate(model with
        {
            Text = model.Text! with
            {
                Idf = ThemeModelVector.Encode(idf),
                Columns = [model.Text.Columns[0] with { Weights = ThemeModelVector.Encode(heavy) }],
            },
        });

        Assert.Contains("text.idf: no value may be negative", problems);
        Assert.Contains(problems, p => p.StartsWith("text.drugs.weights: no value may be beyond", StringComparison.Ordinal));
        Assert.Empty(ThemeModelLoader.Validate(model));
    }

    /// <summary>
    /// Tips for the app-against-training check: repeats of a word, of a pair and of n-grams inside one word, and a long
    /// tip of 700 made-up words each written twice, so more buckets repeat than the app's first table of repeats holds.
    /// </summary>
    public static TheoryData<string> ScoredTips => new()
    {
        "Det luktar gräs vid skolan, knarkk säljs, bilar kör för fort förbi skolan skolan.",
        "Knark, knark och knark igen: knarkhandel vid banan, bananer, knark knark.",
        "Någon har stulit min cykel vid stationen.",
        "x",
        string.Join(' ', Enumerable.Range(0, 1400).Select(i => $"ord{(char)('a' + (i % 700 % 26))}{i % 700}")),
    };

    [Theory]
    [MemberData(nameof(ScoredTips))]
    public void The_app_scores_a_tip_as_training_builds_its_vector(string tip)
    {
        // Random idf (some buckets unread) and weights: the app's arithmetic against TextLayerVector.Build, the rule
        // training uses, over the same buckets and the same stored (rounded) numbers.
        var text = RandomLayer(29);

        Assert.Equal(AsTraining(text, tip), AsApp(Compile(text), tip), 6);
    }

    [Fact]
    public void The_app_scores_tip_after_tip_on_one_thread_as_training_does()
    {
        // One layer, every tip in turn and the long one again: a bit or a repeat count left from one tip would move the next.
        var text = RandomLayer(7);
        var layer = Compile(text);
        var tips = ScoredTips.Select(row => row.Data).ToList();
        foreach (var tip in tips.Prepend(tips[^1]).Append(tips[0]))
        {
            Assert.Equal(AsTraining(text, tip), AsApp(layer, tip), 6);
        }
    }

    /// <summary>A drugs column over <see cref="Shape"/> with random weights and idf, a quarter of the buckets unread (idf 0).</summary>
    private static ThemeModelText RandomLayer(int seed)
    {
        var random = new Random(seed);
        var size = Shape.WordBuckets + Shape.CharBuckets;
        float[] Random(float low, float high) => [.. Enumerable.Range(0, size).Select(_ => low + ((high - low) * random.NextSingle()))];
        var idf = Random(-2, 6).Select(v => Math.Max(0, v)).ToArray();
        return Shape with
        {
            Idf = ThemeModelVector.Encode(idf),
            Columns = [new ThemeModelTextColumn { Id = Theme.Drugs, Bias = -0.5, Weights = ThemeModelVector.Encode(Random(-3, 3)) }],
        };
    }

    private static CompiledText Compile(ThemeModelText text) => CompiledText.Compile(text, "test", new Dictionary<string, int> { [Theme.Drugs] = 0 });

    /// <summary>The drugs probability as training computes it: the tip's buckets, sorted, through <see cref="TextLayerVector.Build"/>.</summary>
    private static double AsTraining(ThemeModelText text, string tip)
    {
        var buckets = ClassifierFactory.CreateLexiconOnly().TextGrams(tip, text);
        Array.Sort(buckets);
        var values = new List<(int Bucket, double Value)>();
        TextLayerVector.Build(buckets, text.Idf.Decode()!, Shape.WordBuckets, values);
        var weights = text.Columns[0].Weights.Decode()!;
        return 1 / (1 + Math.Exp(-(text.Columns[0].Bias + values.Sum(v => v.Value * weights[v.Bucket]))));
    }

    /// <summary>The app's drugs probability. The tips negate nothing, so an empty analysis reads them as the classifier's does.</summary>
    private static double AsApp(CompiledText layer, string tip)
    {
        var probabilities = new double[1];
        layer.Probabilities(TipTextNormaliser.Normalise(tip), new Analysis.TokenBuffer(), probabilities);
        return probabilities[0];
    }

    [Fact]
    public void The_text_layer_reads_the_buckets_the_shipped_model_was_trained_on()
    {
        // Pinned with the code the shipped layer was trained with (3c3ef5d): a negated word, a one-letter word between
        // two words (no pair across it is lost), a number, and a word past the 40 characters read.
        const string Tip = "Det finns ingen knark här, men en bil i 120 km/h förbi skolan varje dag: Vänersborgsvägsövergångsställesbelysningsstolparna!";
        var buckets = ClassifierFactory.CreateLexiconOnly().TextGrams(Tip, ThemeModelLoader.LoadBuiltIn().Text!);

        Assert.Equal(250, buckets.Length);
        Assert.Equal("558d8dbea098d6b70c4231bce39b7cc8", Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(',', buckets))))[..32]);
    }

    [Fact]
    public void The_shipped_model_has_a_text_layer_over_every_theme_and_other()
    {
        var text = ThemeModelLoader.LoadBuiltIn().Text;

        Assert.NotNull(text);
        Assert.Equal([Theme.Drugs, Theme.Traffic, Theme.Burglary, Theme.Other], text.Columns.Select(c => c.Id));
        Assert.Empty(text.Problems());
    }
}
