using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>
/// Of nested terms only the heaviest counts, so a built-in phrase that weighs no more than one of its own words adds
/// nothing, or takes away the words' sum ("vårdslöshet i trafik" once scored less than its two words).
/// </summary>
public sealed class BuiltInPhraseTests
{
    public static TheoryData<string, string, string> Phrases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var language in LexiconLoader.BuiltInLanguages)
        {
            foreach (var theme in LexiconLoader.LoadBuiltIn(language).Themes)
            {
                foreach (var phrase in theme.Terms.Where(g => g.Requires is null).SelectMany(g => g.Words).Where(w => w.Contains(' ', StringComparison.Ordinal)))
                {
                    data.Add(language, theme.Id, phrase);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Phrases))]
    public void A_phrase_alone_outweighs_its_own_words(string language, string theme, string phrase)
    {
        // Only this language's lexicon, and a threshold low enough that the theme is always given: the one reason left
        // must be a phrase (an inflected twin of this one may show instead, as both have the same stems).
        var lexicon = LexiconLoader.LoadBuiltIn(language);
        lexicon = lexicon with { Themes = [.. lexicon.Themes.Select(t => t with { Threshold = 0.01 })] };
        var match = new LexiconTipClassifier([lexicon]).Classify(phrase).Themes.SingleOrDefault(t => t.Theme == theme);

        Assert.NotNull(match);
        var reason = Assert.Single(match.Terms);
        Assert.True(reason.Contains(' ', StringComparison.Ordinal), $"'{phrase}' gave the word '{reason}'");
    }
}
