using System.Text;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Core.Tests.Themes;

public class LexiconValidationTests
{
    private static LexiconDocument Valid() => new()
    {
        Language = "sv",
        Cues = new Dictionary<string, IReadOnlyList<string>> { ["driving"] = ["kör"] },
        Themes = [new LexiconTheme { Id = "miljo", Terms = [new LexiconTermGroup { Words = ["belysning", "buskar"] }] }],
    };

    [Fact]
    public void The_built_in_lexicons_are_valid()
    {
        foreach (var language in LexiconLoader.BuiltInLanguages)
        {
            Assert.Empty(LexiconValidator.Validate(LexiconLoader.LoadBuiltIn(language)));
        }
    }

    [Fact]
    public void A_valid_lexicon_has_no_problems() => Assert.Empty(LexiconValidator.Validate(Valid()));

    [Fact]
    public void Problems_are_named()
    {
        var lexicon = Valid() with
        {
            Language = "de",
            Themes =
            [
                new LexiconTheme { Id = "Miljö", Terms = [new LexiconTermGroup { Words = ["x"] }] },
                new LexiconTheme { Id = Theme.Other, Terms = [new LexiconTermGroup { Words = ["skräp"] }] },
                new LexiconTheme { Id = "trafik", Threshold = 0, Terms = [new LexiconTermGroup { Weight = -1, Requires = "night", Words = ["kör", "kör", " "] }] },
                new LexiconTheme { Id = "ljus", Terms = [new LexiconTermGroup { Compound = true, Words = ["ljus lampa", "öl"] }] },
            ],
        };

        var problems = LexiconValidator.Validate(lexicon);

        Assert.Contains(problems, p => p.Contains("language 'de'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("theme 'Miljö': id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("theme 'other'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("threshold", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("weight -1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown cue 'night'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'kör' is listed twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("empty or has no letters", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("compound word 'ljus lampa'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("compound word 'öl'", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_json_names_the_source()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("{ \"language\": \"sv\", \"themes\": [ { \"id\": "));
        var ex = Assert.Throws<LexiconException>(() => LexiconLoader.Parse(json, "lexicons/miljo.json"));
        Assert.Contains("lexicons/miljo.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_names_the_path()
    {
        var ex = Assert.Throws<LexiconException>(() => LexiconLoader.LoadFile("/nowhere/miljo.json"));
        Assert.Contains("/nowhere/miljo.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_municipality_theme_is_added_without_code()
    {
        var swedish = LexiconMerger.Merge(LexiconLoader.LoadBuiltIn("sv"), Valid());
        var classifier = new LexiconTipClassifier([swedish]);

        Assert.Equal([Theme.Drugs, Theme.Traffic, Theme.Burglary, "miljo", Theme.Other], classifier.Themes);
        var result = classifier.Classify("Belysningen på gångvägen är trasig.");
        Assert.Equal("miljo", result.Primary);
        Assert.Contains("belysning", result.Themes[0].Matched);
    }
}
