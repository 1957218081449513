using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>A word is evidence for a theme once: of nested terms (a phrase and its words, a compound and its part) only the heaviest counts.</summary>
public sealed class NestedTermTests
{
    private static readonly LexiconTipClassifier Classifier = ClassifierWith(
        Theme("cykel", Group(0.6, ["stöld"], compound: true), Group(0.6, ["cykelstöld"])),
        Theme("fart", Group(1.0, ["kör för fort", "rejsar"]), Group(0.5, ["kör", "fort", "bil"]), Group(0.4, ["rejsar runt"])));

    private static LexiconTermGroup Group(double weight, string[] words, bool compound = false) =>
        new() { Weight = weight, Compound = compound, Words = words };

    private static LexiconTheme Theme(string id, params LexiconTermGroup[] groups) => new() { Id = id, Terms = groups };

    private static LexiconTheme ThemeFromHalf(string id, params LexiconTermGroup[] groups) => Theme(id, groups) with { Threshold = 0.5 };

    private static LexiconTipClassifier ClassifierWith(params LexiconTheme[] themes) =>
        new([new LexiconDocument { Language = "sv", Negations = ["inte"], NegationWindow = 1, Themes = themes }]);

    private static IReadOnlyList<string>? Matched(LexiconTipClassifier classifier, string text, string theme) =>
        classifier.Classify(text).Themes.SingleOrDefault(t => t.Theme == theme)?.Terms;

    [Fact]
    public void A_phrase_does_not_also_count_its_own_words() =>
        Assert.Equal(["kör för fort"], Matched(Classifier, "De kör för fort här varje kväll.", "fart"));

    [Fact]
    public void Words_that_are_not_nested_still_add_up() =>
        Assert.Equal(["kör", "fort"], Matched(Classifier, "Han kör hem och det går fort.", "fart"));

    [Fact]
    public void A_word_the_phrase_only_skips_still_counts() =>
        Assert.Equal(["kör för fort", "bil"], Matched(Classifier, "De kör bil för fort.", "fart"));

    [Fact]
    public void A_compound_and_its_part_count_once_and_the_first_found_wins_a_full_tie()
    {
        // 0.6 + 0.6 would pass the threshold of 1; one word gives 0.6 and does not.
        Assert.Equal("other", Classifier.Classify("En cykelstöld i går.").Primary);
        Assert.Equal(["cykelstöld", "stöld"], Matched(Classifier, "En cykelstöld och en stöld till.", "cykel"));
    }

    [Fact]
    public void A_weaker_phrase_gives_way_to_the_heavier_word_inside_it() =>
        Assert.Equal(["rejsar"], Matched(Classifier, "Mopederna rejsar runt torget.", "fart"));

    [Fact]
    public void The_same_word_counts_for_each_of_its_themes()
    {
        var classifier = ClassifierWith(Theme("fart", Group(1.0, ["bil"])), Theme("fordon", Group(1.0, ["bil"])));
        Assert.Equal(["bil"], Matched(classifier, "En bil.", "fart"));
        Assert.Equal(["bil"], Matched(classifier, "En bil.", "fordon"));
    }

    [Fact]
    public void A_term_that_lost_does_not_knock_out_another()
    {
        // "kör" (1.5) beats the phrase it sits in; the phrase, out, must not then knock out "fort".
        var classifier = ClassifierWith(Theme("fart", Group(1.0, ["kör för fort"]), Group(1.5, ["kör"]), Group(0.5, ["fort"])));
        Assert.Equal(["kör", "fort"], Matched(classifier, "De kör för fort.", "fart"));
    }

    [Fact]
    public void On_equal_weight_the_term_with_more_words_wins()
    {
        var classifier = ClassifierWith(Theme("fart", Group(1.0, ["fort", "kör för fort"])));
        Assert.Equal(["kör för fort"], Matched(classifier, "De kör för fort.", "fart"));
    }

    [Fact]
    public void A_negated_phrase_does_not_knock_out_its_words_that_are_not_negated()
    {
        var classifier = ClassifierWith(ThemeFromHalf("fart", Group(1.0, ["kör för fort"]), Group(0.5, ["kör", "fort"])));
        Assert.Equal(["fort"], Matched(classifier, "De inte kör för fort.", "fart"));
    }
}
