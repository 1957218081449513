using Grastorp.Intake.Classification.Analysis;
using Grastorp.Intake.Classification.Analysis.Lexicon;
using Grastorp.Intake.Classification.Analysis.Text;

namespace Grastorp.Intake.Classification.Tests;

public class ThemeAnalysisTests
{
    [Fact]
    public void Words_are_lower_cased_folded_and_stemmed()
    {
        using var analyzer = ThemeTextAnalyzer.Create(LexiconLanguage.Swedish, [], []);
        Assert.Equal(analyzer.Words("Stöld"), analyzer.Words("stold"));
        Assert.Equal(analyzer.Words("inbrotten"), analyzer.Words("inbrott"));
        Assert.Equal(analyzer.Words("Gräs"), analyzer.Words("gras"));
    }

    [Fact]
    public void Compounds_give_their_lexicon_part_as_an_extra_token()
    {
        using var analyzer = ThemeTextAnalyzer.Create(LexiconLanguage.Swedish, ["stold", "inbrott"], []);
        using var stream = analyzer.GetTokenStream("text", "cykelstölden bostadsinbrott");
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        Assert.Contains("stold", tokens);
        Assert.Contains("inbrot", tokens);
    }

    [Fact]
    public void Unstemmed_words_are_kept_apart_from_common_words()
    {
        using var plain = ThemeTextAnalyzer.Create(LexiconLanguage.Swedish, [], []);
        Assert.Equal(plain.Words("för"), plain.Words("förare"));

        using var guarded = ThemeTextAnalyzer.Create(LexiconLanguage.Swedish, [], ["forare"]);
        Assert.NotEqual(guarded.Words("för"), guarded.Words("förare"));
    }

    // Stems, as the index sees them: "narkotika" stems to "narkotik".
    [Theory]
    [InlineData("narkotk")]
    [InlineData("narkotiik")]
    [InlineData("narkoitk")]
    [InlineData("narkotek")]
    public void One_typo_finds_the_lexicon_stem(string typo)
    {
        var index = new FuzzyTermIndex(["narkotik", "inbrot"], [0, 1]);
        Assert.Equal(0, index.Find(typo));
    }

    [Theory]
    [InlineData("narko")]
    [InlineData("nakrotka")]
    [InlineData("inbrott")]
    public void Two_typos_or_short_words_find_nothing(string text)
    {
        var index = new FuzzyTermIndex(["narkotik", "inbrot"], [0]);
        Assert.Equal(-1, index.Find(text));
    }

    [Theory]
    [InlineData("Someone broke into the shed and stole tools", true)]
    [InlineData("Någon har brutit sig in i förrådet och tagit verktyg", false)]
    [InlineData("Det var en Volvo med the Beatles på radion", false)]
    public void English_is_recognised_by_function_words(string text, bool english) =>
        Assert.Equal(english, EnglishTextDetector.LooksEnglish(text));
}
