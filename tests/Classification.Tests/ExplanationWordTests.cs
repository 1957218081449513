using System.Text.Json;
using Grastorp.Intake.Classification.Analysis.Model;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>
/// What the classifier gives as reasons (<see cref="ThemeMatch.Matched"/>) is the tip's own words, so the staff tip page
/// and the digest can find and highlight each of them in the text: never a feature name or a lexicon base form.
/// </summary>
public class ExplanationWordTests
{
    private static readonly LexiconTipClassifier Classifier = ClassifierFactory.CreateDefault();

    private static readonly Lazy<IReadOnlyList<string>> Texts = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "tests", "data", "resident-tips.tune.jsonl")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return [.. Directory.GetFiles(Path.Combine(directory.FullName, "tests", "data"), "resident-tips.*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)];
    });

    [Fact]
    public void Every_reported_word_occurs_in_the_tip_on_every_resident_tip()
    {
        var reported = 0;
        foreach (var text in Texts.Value)
        {
            foreach (var word in Classifier.Classify(text).Themes.SelectMany(t => t.Matched))
            {
                reported++;
                Assert.True(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"'{word}' is not in the tip");
            }
        }

        Assert.True(reported > 300, $"only {reported} words reported");
    }

    [Theory]
    // Learned words used to be shown as "~morgonen", a lexicon phrase as its base form "kör för fort".
    [InlineData("Bilarna körde alldeles för fort på morgonen vid skolan")]
    [InlineData("Någon har stulit cyklarna ur cykelstället och inbrotten fortsätter")]
    [InlineData("KNARKET säljs öppet, det langas vid Stationen")]
    public void Reasons_are_the_tips_own_words_as_written(string text)
    {
        var matched = Classifier.Classify(text).Themes.SelectMany(t => t.Matched).ToList();

        Assert.NotEmpty(matched);
        Assert.All(matched, word =>
        {
            Assert.DoesNotContain("~", word, StringComparison.Ordinal);
            Assert.True(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"'{word}' is not in the tip");
        });
    }

    [Fact]
    public void An_inflected_phrase_is_shown_as_written_and_named_by_its_lexicon_term()
    {
        var traffic = Assert.Single(Classifier.Classify("De körde alldeles för fort genom byn").Themes, t => t.Theme == Theme.Traffic);

        Assert.Contains("körde alldeles för fort", traffic.Matched);
        Assert.DoesNotContain("kör för fort", traffic.Matched);
        Assert.NotEmpty(traffic.Terms);
    }

    [Fact]
    public void A_word_that_only_begins_like_a_lexicon_word_is_not_read_as_it()
    {
        // förra and förråd both stemmed to "forr" once å was folded: "förra veckan" was evidence of a storeroom break-in.
        var result = Classifier.Classify("Förra veckan var det inbrott hos grannen");

        Assert.DoesNotContain(result.Themes.SelectMany(t => t.Terms), t => t.StartsWith("förråd", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Themes.SelectMany(t => t.Matched), t => t.StartsWith("förra", StringComparison.Ordinal));
        Assert.Contains(Classifier.Classify("Någon bröt sig in i förrådet").Themes.SelectMany(t => t.Matched), m => m.Contains("förrådet", StringComparison.Ordinal));
    }

    [Fact]
    public void A_function_word_is_never_shown_as_a_reason_however_much_the_model_weighs_it()
    {
        // Police texts taught the model words like "mellan" and "jag"; shown as a reason, "jag" tells a reader nothing.
        // A pair of function words ("vid en") is hidden too; a pair with one word of meaning ("en kyrka") is not.
        var weights = new Dictionary<string, double>
        {
            [BuiltInLexicons.Feature("jag", ThemeFeatures.WordPrefix)] = 2,
            [BuiltInLexicons.Feature("cykeln", ThemeFeatures.WordPrefix)] = 2,
            [BuiltInLexicons.Feature("vid en", ThemeFeatures.BigramPrefix)] = 2,
            [BuiltInLexicons.Feature("en kyrka", ThemeFeatures.BigramPrefix)] = 2,
        };
        var model = new ThemeModel { Language = "sv", Themes = [new ThemeModelTheme { Id = Theme.Burglary, Bias = -3, Threshold = 0.5, Weights = weights }] };
        var classifier = new LexiconTipClassifier(BuiltInLexicons.All(), model);

        var burglary = Assert.Single(classifier.Classify("Jag såg cykeln vid en kyrka").Themes);

        Assert.Equal(Theme.Burglary, burglary.Theme);
        Assert.Equal(["cykeln", "en kyrka"], burglary.Matched);
    }

    [Fact]
    public void A_word_pair_split_by_punctuation_shows_only_its_word_of_meaning()
    {
        // "kväll, och": the pair is shown word by word, and "och" alone is no reason.
        var bigram = BuiltInLexicons.Feature("cykeln och", ThemeFeatures.BigramPrefix);
        var model = new ThemeModel
        {
            Language = "sv",
            Themes = [new ThemeModelTheme { Id = Theme.Burglary, Bias = -3, Threshold = 0.5, Weights = new Dictionary<string, double> { [bigram] = 4 } }],
        };
        var classifier = new LexiconTipClassifier(BuiltInLexicons.All(), model);

        var burglary = Assert.Single(classifier.Classify("Jag hittade cykeln, och sedan gick jag hem").Themes);

        Assert.Equal(["cykeln"], burglary.Matched);
    }

    [Theory]
    [InlineData("jag", false, true)]
    [InlineData("NÄR", false, true)]
    [InlineData("nar", false, true)]
    [InlineData("the", true, true)]
    [InlineData("is", true, true)]
    [InlineData("is", false, false)]
    [InlineData("ån", false, false)]
    [InlineData("år", false, false)]
    [InlineData("varor", false, false)]
    [InlineData("cykeln", false, false)]
    [InlineData("hos", false, false)]
    public void Function_words_are_the_stop_lists_words_in_any_case_and_the_english_ones_only_in_an_english_tip(string word, bool english, bool function)
    {
        // Written without rings and dots, "nar" is "när"; written with them, "ån" (a river) is not "än". In a Swedish tip
        // "is" is ice on the road.
        Assert.Equal(function, FunctionWords.Contains(word, english));
    }
}
