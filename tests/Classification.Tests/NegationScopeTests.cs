using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>
/// The negation rule (<c>negationBridges</c>, <c>negationReach</c> in sv.json and en.json): a negation cancels a theme word
/// up to four words later when only bridge words ("problem", "med", "längre", "något", "sett") lie between; any other
/// word, and punctuation, ends it. In a tip that looks English the Swedish pass hears the English negations too.
/// </summary>
public class NegationScopeTests
{
    private static readonly LexiconTipClassifier Classifier = ClassifierFactory.CreateDefault();

    private static string[] ThemesOf(string text) => [.. Classifier.Classify(text).Themes.Select(t => t.Theme).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("Inga problem med knark här längre")]
    [InlineData("Det finns inte längre något knark i parken")]
    [InlineData("Vi har aldrig sett någon langning här")]
    [InlineData("Inga bekymmer med inbrott i år")]
    [InlineData("Vi har inte haft några inbrott här, men hundbajset i parken är ett problem")]
    [InlineData("Det hade aldrig varit knark här förut")]
    public void A_negation_reaches_across_bridge_words(string text) => Assert.Equal([Theme.Other], ThemesOf(text));

    [Theory]
    [InlineData("Ingen vet vem som säljer knark vid skolan", Theme.Drugs)]
    [InlineData("Inte konstigt att det langas knark vid stationen", Theme.Drugs)]
    [InlineData("Inga lampor fungerar och det har varit inbrott i förråden", Theme.Burglary)]
    [InlineData("Det har inte varit tyst, inbrott i förråden igen", Theme.Burglary)]
    public void Any_other_word_ends_the_negation(string text, string theme) => Assert.Contains(theme, ThemesOf(text));

    [Fact]
    public void The_reach_is_counted_in_words()
    {
        // Five words from "inga" to "knark": past the reach of four, so knark counts again.
        Assert.Contains(Theme.Drugs, ThemesOf("Inga problem med det här längre knark"));
        Assert.Equal([Theme.Other], ThemesOf("Inga problem med det knark"));
    }

    [Fact]
    public void A_lexicon_without_bridges_keeps_its_plain_window()
    {
        var lexicon = new LexiconDocument
        {
            Language = "sv",
            Negations = ["inga"],
            NegationWindow = 1,
            Themes = [new LexiconTheme { Id = "drugs", Terms = [new LexiconTermGroup { Words = ["knark"] }] }],
        };

        Assert.Equal(Theme.Drugs, new LexiconTipClassifier([lexicon]).Classify("Inga problem med knark").Primary);
        Assert.Equal(Theme.Other, new LexiconTipClassifier([lexicon with { NegationBridges = ["problem", "med"], NegationReach = 3 }]).Classify("Inga problem med knark").Primary);
    }

    [Theory]
    [InlineData("Never seen anyone dealing cannabis here, it is a quiet area, but dogs run loose.")]
    [InlineData("There are no problems with drugs in the park any more, but the benches are broken.")]
    [InlineData("We have not had any burglaries this year, but people drop litter everywhere.")]
    public void An_english_negation_reaches_across_english_bridge_words(string text) => Assert.Equal([Theme.Other], ThemesOf(text));

    [Fact]
    public void An_english_negation_cancels_words_the_swedish_lexicon_knows_too()
    {
        // "cannabis" and "knark" are Swedish lexicon words: in an English tip the Swedish pass must hear "never" as well.
        Assert.Equal([Theme.Other], ThemesOf("Never any knark here, but the swings at the playground are broken."));
        Assert.Contains(Theme.Drugs, ThemesOf("Nobody knows who sells knark at the station."));
    }

    [Theory]
    [InlineData("The police have never been here, drugs are sold openly at the station every night.", Theme.Drugs)]
    [InlineData("Speeding? Not any more. Drugs are sold openly at the station every night though.", Theme.Drugs)]
    [InlineData("Inte här, knark säljs vid stationen varje kväll", Theme.Drugs)]
    [InlineData("Inga problem här. Inbrott i förråden igen i helgen", Theme.Burglary)]
    public void A_full_stop_or_comma_ends_the_negation(string text, string theme)
    {
        // The lexicon alone: the learned layers would find these themes without the lexicon's word.
        var lexiconOnly = new LexiconTipClassifier(BuiltInLexicons.All());

        Assert.Contains(theme, lexiconOnly.Classify(text).Themes.Select(t => t.Theme));
    }

    [Fact]
    public void An_english_negation_word_in_a_swedish_tip_negates_nothing()
    {
        // West Swedish "no" is "nog" (probably): "han e no full å kör" is a report, not a denial.
        var tip = "Grannen e no påtänd igen, han kör bilen runt byn varje kväll";
        Assert.Contains(Theme.Drugs, ThemesOf(tip));
        Assert.Contains(Theme.Traffic, ThemesOf(tip));
    }

    [Fact]
    public void A_word_an_english_negation_cancels_gives_the_learned_layers_nothing()
    {
        var negated = Classifier.Features("We have never seen anyone dealing cannabis in this area");
        var plain = Classifier.Features("We have seen someone dealing cannabis in this area");

        Assert.Contains(plain.Keys, k => k.Contains("cannabis", StringComparison.Ordinal));
        Assert.DoesNotContain(negated.Keys, k => k.Contains("cannabis", StringComparison.Ordinal) || k.Contains("deal", StringComparison.Ordinal));
        // The text layer: the word's own bucket (its n-grams share letters with other words: "is>" with "this").
        var word = Assert.Single(Classifier.TextGrams("cannabis", Settings), b => b < Settings.WordBuckets);
        Assert.Contains(word, Classifier.TextGrams("We have seen someone dealing cannabis in this area", Settings));
        Assert.DoesNotContain(word, Classifier.TextGrams("We have never seen anyone dealing cannabis in this area", Settings));
    }

    private static readonly ThemeModelText Settings = new() { MinLength = 3, MaxLength = 5, WordBuckets = ThemeModelText.MostBuckets, CharBuckets = ThemeModelText.MostBuckets };
}
