using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>The built-in lexicons on every hard kind of resident writing the issue lists.</summary>
public class LexiconTipClassifierTests
{
    private static readonly LexiconTipClassifier Classifier = ClassifierFactory.CreateDefault();

    private static string[] ThemesOf(string text) => [.. Classifier.Classify(text).Themes.Select(t => t.Theme).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("Det var inbrott hos grannen i natt.")]
    [InlineData("Inbrotten i området har blivit fler.")]
    [InlineData("Efter inbrottet saknas verktyg.")]
    [InlineData("Stölderna vid stationen måste stoppas.")]
    [InlineData("Min cykel blev stulen igår.")]
    [InlineData("Någon stal vår släpkärra.")]
    public void Inflected_forms_of_burglary_words_are_burglary(string text) =>
        Assert.Equal([Theme.Burglary], ThemesOf(text));

    [Theory]
    [InlineData("bostadsinbrott på Storgatan", Theme.Burglary)]
    [InlineData("ännu en cykelstöld vid skolan", Theme.Burglary)]
    [InlineData("knarkhandeln vid torget växer", Theme.Drugs)]
    [InlineData("narkotikaklassade tabletter säljs", Theme.Drugs)]
    [InlineData("inbrottsförsök i källaren", Theme.Burglary)]
    public void Compounds_are_split_against_the_lexicon(string text, string theme) =>
        Assert.Contains(theme, ThemesOf(text));

    [Theory]
    [InlineData("dom röker på bakom kyrkan", Theme.Drugs)]
    [InlineData("han langar till kidsen", Theme.Drugs)]
    [InlineData("han dealar vid stationen", Theme.Drugs)]
    [InlineData("nån har snott min moppe", Theme.Burglary)]
    [InlineData("de röker gräs vid badplatsen", Theme.Drugs)]
    public void Slang_is_understood(string text, string theme) => Assert.Contains(theme, ThemesOf(text));

    [Theory]
    [InlineData("cykel stold vid stationen", Theme.Burglary)]
    [InlineData("det har vart inbrot i förrådet", Theme.Burglary)]
    [InlineData("ungdomar röker gras vid skolan", Theme.Drugs)]
    [InlineData("det säljs narkotka i parken", Theme.Drugs)]
    [InlineData("dom kor for fort forbi dagis", Theme.Traffic)]
    public void Missing_diacritics_and_typos_still_match(string text, string theme) => Assert.Contains(theme, ThemesOf(text));

    [Theory]
    [InlineData("Grannen klipper gräset varje söndag morgon.")]
    [InlineData("Det är inte droger det handlar om, utan att de skriker hela nätterna.")]
    [InlineData("Han drog iväg efter att ha skrikit på mig.")]
    [InlineData("Det är långa köer vid återvinningen och folk blir arga.")]
    [InlineData("Hästarna står i hagen bredvid vägen, staketet är trasigt.")]
    public void Look_alikes_and_negated_theme_words_are_other(string text) =>
        Assert.Equal([Theme.Other], ThemesOf(text));

    [Fact]
    public void A_drunk_driver_is_traffic_and_drugs()
    {
        Assert.Equal([Theme.Drugs, Theme.Traffic], ThemesOf("Grannen kör bil fast han är full varje fredag."));
        Assert.Equal([Theme.Drugs, Theme.Traffic], ThemesOf("Jag misstänker rattfylleri på Storgatan."));
    }

    [Fact]
    public void Alcohol_counts_as_drugs_only_with_driving_or_minors()
    {
        Assert.Equal([Theme.Other], ThemesOf("Vi drack öl på altanen i lördags och grannen klagade på musiken."));
        Assert.Contains(Theme.Drugs, ThemesOf("En vuxen köper ut öl till 15-åringar vid affären."));
    }

    [Fact]
    public void A_long_tip_about_several_things_gets_every_theme()
    {
        const string text = "Flera saker: inbrott i kiosken igen, en moped kör på trottoaren varje kväll, och det säljs knark "
            + "bakom kiosken. Lamporna vid skolan är också trasiga sedan länge och det är mörkt.";
        Assert.Equal([Theme.Burglary, Theme.Drugs, Theme.Traffic], ThemesOf(text));
    }

    [Theory]
    [InlineData("A man has been dealing drugs from a car by the station", Theme.Drugs)]
    [InlineData("My bike was stolen from outside the gym", Theme.Burglary)]
    [InlineData("Cars are speeding on the road by the school", Theme.Traffic)]
    public void English_tips_are_classified(string text, string theme) => Assert.Contains(theme, ThemesOf(text));

    [Theory]
    [InlineData("Bike stolen from garage", Theme.Burglary)]
    [InlineData("Speeding cars on Storgatan every night", Theme.Traffic)]
    [InlineData("Burglary at number 12", Theme.Burglary)]
    public void Short_english_tips_with_few_function_words_are_classified(string text, string theme) =>
        Assert.Contains(theme, ThemesOf(text));

    [Fact]
    public void Short_english_tips_are_classified_by_the_lexicon_alone_too()
    {
        var lexiconOnly = ClassifierFactory.CreateLexiconOnly();
        Assert.Equal(Theme.Burglary, lexiconOnly.Classify("Bike stolen from garage").Primary);
        Assert.Equal(Theme.Traffic, lexiconOnly.Classify("Speeding cars on Storgatan every night").Primary);
    }

    [Fact]
    public void Each_theme_carries_the_words_that_decided_it()
    {
        var result = Classifier.Classify("Misstänkt knarkhandel och ett bostadsinbrott på samma gata.");
        var drugs = Assert.Single(result.Themes, t => t.Theme == Theme.Drugs);
        Assert.Contains("knarkhandel", drugs.Matched);
        var burglary = Assert.Single(result.Themes, t => t.Theme == Theme.Burglary);
        Assert.Contains("bostadsinbrott", burglary.Matched);
        Assert.All(result.Themes, t => Assert.InRange(t.Confidence, 0.5, 0.99));
    }

    [Fact]
    public void Decomposed_diacritics_are_read_as_the_composed_letters()
    {
        const string decomposed = "ko\u0308r fo\u0308r fort";
        Assert.Contains(Theme.Traffic, ThemesOf(decomposed));
        Assert.Equal(ThemesOf("kör för fort"), ThemesOf(decomposed));
        var traffic = Assert.Single(Classifier.Classify(decomposed).Themes, t => t.Theme == Theme.Traffic);
        Assert.All(traffic.Matched, m => Assert.DoesNotContain('\u0308', m));
    }

    [Fact]
    public void Zero_width_characters_do_not_hide_words()
    {
        const string hidden = "kn\u200dark in\u200bbrott";
        Assert.Equal([Theme.Burglary, Theme.Drugs], ThemesOf(hidden));
        Assert.All(Classifier.Classify(hidden).Themes.SelectMany(t => t.Matched), m => Assert.DoesNotContain(m, c => char.IsControl(c) || c is '\u200b' or '\u200d'));
    }

    [Fact]
    public void A_learned_bigram_is_shown_as_its_two_words_and_not_what_lies_between()
    {
        var result = Classifier.Classify("samtal \U0001F642\U0001F642\U0001F642 !!! \n\n\t\a om knark");

        var matched = result.Themes.SelectMany(t => t.Matched).ToList();
        Assert.Contains("samtal", matched);
        Assert.All(matched, m => Assert.Matches(@"^\p{L}+( \p{L}+)?$", m));
    }

    [Fact]
    public void A_learned_bigram_one_space_apart_is_shown_as_written()
    {
        var result = Classifier.Classify("Polisen höll samtal om knark med ungdomarna.");

        Assert.Contains("samtal om", result.Themes.SelectMany(t => t.Matched));
    }

    [Fact]
    public void A_tip_about_nothing_known_is_other_alone()
    {
        var result = Classifier.Classify("Lampan vid busshållplatsen är trasig sedan en vecka.");
        Assert.Equal(Theme.Other, result.Primary);
        Assert.Single(result.Themes);
    }

    [Fact]
    public void Themes_lists_the_lexicon_themes_then_other()
    {
        Assert.Equal([Theme.Drugs, Theme.Traffic, Theme.Burglary, Theme.Other], Classifier.Themes);
    }

    [Fact]
    public void Concurrent_classification_gives_the_same_results()
    {
        string[] texts = ["knarkhandel vid torget", "bilar kör för fort", "inbrott i förrådet", "trasig lampa", "Someone stole my bike"];
        var expected = texts.Select(t => Classifier.Classify(t).Primary).ToArray();
        Parallel.For(0, 400, i => Assert.Equal(expected[i % texts.Length], Classifier.Classify(texts[i % texts.Length]).Primary));
    }
}
