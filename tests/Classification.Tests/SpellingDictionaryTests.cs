using System.Text;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>
/// The Swedish spelling dictionary (<c>hunspell-sv/sv-words.txt.gz</c>, derived from the sv_SE Hunspell dictionary,
/// LGPL-3): the file beside the application with its licence, the list's format, and the rule it serves: a real word
/// that differs from a lexicon word before its ending is taken as written, not as a typo of it.
/// </summary>
public class SpellingDictionaryTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, WordList.BuiltInFolder);

    private static LexiconTipClassifier LexiconOnly(WordList? words) =>
        new(BuiltInLexicons.All(), swedishWords: words);

    private static readonly LexiconTipClassifier WithWords = LexiconOnly(ClassifierFactory.BuiltInWords());

    private static readonly LexiconTipClassifier WithoutWords = LexiconOnly(null);

    [Fact]
    public void The_list_loads_from_its_own_file_beside_the_application()
    {
        var words = ClassifierFactory.BuiltInWords();

        Assert.Equal(Path.Combine(Folder, WordList.BuiltInFileName), words.Source);
        Assert.InRange(words.Count, 800_000, 900_000);
        // Small enough to ship beside every host; room for a newer dictionary, far below a whole unfiltered expansion.
        Assert.InRange(new FileInfo(words.Source).Length, 1, 4_000_000);
    }

    [Theory]
    [InlineData("COPYING.LGPL", "GNU LESSER GENERAL PUBLIC LICENSE")]
    [InlineData("COPYING.GPL", "GNU GENERAL PUBLIC LICENSE")]
    [InlineData("README.md", "Göran Andersson")]
    [InlineData("README.md", "e2c2f3a66d27089e3593c3834fb878cb54d97c3b53d0e29ed403b58bb4e00986")]
    [InlineData("derive.sh", "unmunch")]
    public void The_licence_and_the_source_travel_beside_the_list(string file, string text) =>
        Assert.Contains(text, File.ReadAllText(Path.Combine(Folder, file)), StringComparison.Ordinal);

    [Theory]
    [InlineData("vägen", true)]
    [InlineData("vagen", true)]
    [InlineData("VÄGEN", true)]
    [InlineData("påkört", true)]
    [InlineData("anställd", true)]
    [InlineData("narkotka", false)]
    [InlineData("inbrottt", false)]
    [InlineData("e20", false)]
    public void A_word_is_looked_up_folded_as_the_analysis_folds_it(string word, bool known) =>
        Assert.Equal(known, ClassifierFactory.BuiltInWords().Contains(word));

    [Fact]
    public void A_real_word_is_not_read_as_a_typo_of_a_lexicon_word()
    {
        // "markerade" is one letter from "parkerade": without the dictionary it was read as parking (traffic).
        const string text = "Han markerade platsen på kartan";

        Assert.Equal(Theme.Traffic, WithoutWords.Classify(text).Primary);
        Assert.Equal(Theme.Other, WithWords.Classify(text).Primary);
    }

    [Fact]
    public void A_real_word_that_differs_only_in_its_ending_is_still_the_lexicon_word_and_shown_as_written()
    {
        // "påkört" is a real word and one edit from the lexicon's "påkörd": an inflection, so it still counts.
        var traffic = WithWords.Classify("En cyklist blev påkört vid korsningen").Themes.Single(t => t.Theme == Theme.Traffic);

        Assert.Contains("påkört", traffic.Matched);
    }

    [Fact]
    public void A_word_the_dictionary_lacks_is_still_read_as_a_typo_and_shown_as_written()
    {
        var drugs = WithWords.Classify("Det säljs narkotka vid skolan").Themes.Single(t => t.Theme == Theme.Drugs);

        Assert.Contains("narkotka", drugs.Matched);
    }

    [Theory]
    [InlineData("Någon har gjort inbrott i förrådet och stulit verktyg", "Nagon har gjort inbrott i forradet och stulit verktyg")]
    [InlineData("Det langas gräs bakom sporthallen", "Det langas gras bakom sporthallen")]
    [InlineData("Klipp gräset vid vägen, det är högt gräs", "Klipp graset vid vagen, det ar hogt gras")]
    public void A_tip_without_ring_or_dots_reads_as_the_same_tip_with_them(string written, string stripped)
    {
        var withDiacritics = WithWords.Classify(written).Themes.Select(t => t.Theme);
        var without = WithWords.Classify(stripped).Themes.Select(t => t.Theme);

        Assert.Equal(withDiacritics, without);
    }

    [Fact]
    public void The_setting_builtin_loads_the_list_and_none_is_the_default()
    {
        Assert.Equal(ClassifierOptions.NoSpellingDictionary, new ClassifierOptions().SpellingDictionary);
        var options = new ClassifierOptions { Model = ClassifierOptions.NoModel, SpellingDictionary = ClassifierOptions.BuiltInSpellingDictionary };

        var classifier = ClassifierFactory.Create(options, AppContext.BaseDirectory);

        Assert.Equal(Theme.Other, classifier.Classify("Han markerade platsen på kartan").Primary);
    }

    [Fact]
    public void A_missing_list_stops_start_up_naming_the_setting()
    {
        var options = new ClassifierOptions { SpellingDictionary = "saknas/ord.txt.gz" };

        var ex = Assert.Throws<LexiconException>(() => ClassifierFactory.Create(options, AppContext.BaseDirectory));

        Assert.StartsWith("Classifier:SpellingDictionary", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bil\nbuss\nbil\n", "line 3")]
    [InlineData("buss\nbil\n", "line 2")]
    [InlineData("bil\n\nbuss\n", "line 2")]
    [InlineData("bil\nVäg\n", "line 2")]
    [InlineData("", "empty")]
    public void A_list_that_is_not_sorted_folded_words_is_refused_naming_the_line(string text, string problem)
    {
        var ex = Assert.Throws<LexiconException>(() => WordList.Parse(Encoding.UTF8.GetBytes(text), "egen.txt"));

        Assert.Contains("egen.txt", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replacement_list_in_plain_text_is_read_too()
    {
        var path = Path.Combine(Path.GetTempPath(), $"words-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "markerade\nplatsen\n");
        try
        {
            var words = WordList.Load(path);

            Assert.Equal(2, words.Count);
            Assert.True(words.Contains("Markerade"));
            Assert.False(words.Contains("kartan"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("Škodan", true)]
    [InlineData("Crème", true)]
    [InlineData("smørrebrød", false)]
    public void A_letter_folds_in_a_look_up_as_derive_sh_folded_the_list(string word, bool known)
    {
        // derive.sh keeps a form's canonical decomposition without its marks: š → s, è → e; ø has no decomposition.
        var words = WordList.Parse(Encoding.UTF8.GetBytes("creme\nskodan\nsmrrebrd\n"), "egen.txt");

        Assert.Equal(known, words.Contains(word));
    }

    [Fact]
    public void A_list_compressed_in_several_gzip_members_is_read_whole()
    {
        var path = Path.Combine(Path.GetTempPath(), $"words-{Guid.NewGuid():N}.txt.gz");
        using (var file = File.Create(path))
        {
            foreach (var part in new[] { "markerade\n", "platsen\n" })
            {
                using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true);
                gzip.Write(Encoding.UTF8.GetBytes(part));
            }
        }

        try
        {
            var words = WordList.Load(path);

            Assert.Equal(2, words.Count);
            Assert.True(words.Contains("platsen"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
