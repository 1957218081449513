using System.Text;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

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

    [Theory]
    [InlineData("""{ "language": "sv", "themes": [ { "id": "miljo", "terms": null } ] }""", "theme 'miljo' terms is null")]
    [InlineData("""{ "language": "sv", "themes": [ null ] }""", "themes[0] is null")]
    [InlineData("""{ "language": "sv", "themes": [ { "id": "miljo", "terms": [ { "words": null } ] } ] }""", "theme 'miljo': empty word list")]
    [InlineData("""{ "language": "sv", "negations": null, "themes": [ { "id": "miljo", "terms": [ { "words": ["belysning"] } ] } ] }""", "negations is null")]
    public void Json_nulls_are_problems_not_crashes(string json, string problem)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var ex = Assert.Throws<LexiconException>(() => LexiconLoader.Parse(stream, "miljo.json"));

        Assert.Contains(ex.Problems, p => p.StartsWith(problem, StringComparison.Ordinal));
        Assert.Contains("miljo.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_theme_that_is_null_is_a_problem_not_a_crash()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{ "language": "sv", "themes": [ null ] }"""));

        var ex = Assert.Throws<LexiconException>(() => ThemeModelLoader.Parse(stream, "m.json"));

        Assert.Contains("themes[0] is null", ex.Message, StringComparison.Ordinal);
        Assert.Contains("m.json", ex.Message, StringComparison.Ordinal);
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
        Assert.Contains("belysning", result.Themes[0].Terms);
    }
}
