using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>
/// The negation rule (<c>negationBridges</c>, <c>negationReach</c> in sv.json): a negation cancels a theme word up to four
/// words later when only bridge words ("problem", "med", "längre", "något", "sett") lie between; any other word ends it.
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
}
