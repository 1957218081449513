using System.Globalization;
using System.Text;
using System.Text.Json;
using Grastorp.Intake.Classification.Analysis;
using Grastorp.Intake.Classification.Analysis.Lexicon;
using Grastorp.Intake.Classification.Analysis.Text;
using Grastorp.Intake.Core.Themes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>
/// The fast path (plain tokenizer + memo of analysed words) must give exactly what the Lucene chain gives: checked on
/// every labelled tip in tests/data and on random texts made to hit the word-break rules.
/// </summary>
public class FastAnalysisTests
{
    private static readonly Lazy<IReadOnlyList<string>> Texts = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "tests", "data", "resident-tips.tune.jsonl")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return [.. Directory.GetFiles(Path.Combine(directory.FullName, "tests", "data"), "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)];
    });

    [Fact]
    public void Plain_tokenizer_gives_the_standard_tokenizers_tokens_on_every_labelled_tip()
    {
        var accepted = 0;
        foreach (var text in Texts.Value)
        {
            accepted += AssertSameTokensWhenAccepted(text) ? 1 : 0;
        }

        Assert.True(Texts.Value.Count >= 200);

        // The fast path must be the usual one, or it saves nothing.
        Assert.True(accepted >= Texts.Value.Count * 0.8, $"{accepted} of {Texts.Value.Count} accepted");
    }

    [Fact]
    public void Plain_tokenizer_gives_the_standard_tokenizers_tokens_on_random_texts()
    {
        const string alphabet = "aAzZåäöÅÄÖéüß019   .,':;_-!?\n\t\"()/–’‘…«»\u00A0\u00AD·¹東é";
        var random = new Random(20261125);
        var accepted = 0;
        var builder = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            builder.Clear();
            var length = random.Next(1, 24);
            for (var c = 0; c < length; c++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            accepted += AssertSameTokensWhenAccepted(builder.ToString()) ? 1 : 0;
        }

        Assert.True(accepted > 1000, $"only {accepted} random texts accepted");
    }

    [Theory]
    [InlineData("1,5 promille")]
    [InlineData("kl.10 vid E4:an")]
    [InlineData("snake_case och l'auto")]
    [InlineData("bil\u00ADstöld")]
    public void Plain_tokenizer_declines_where_words_may_join(string text) =>
        Assert.False(PlainTextTokenizer.TryTokenise(text, []));

    [Fact]
    public void Memoised_analysis_gives_the_lucene_chains_words_offsets_and_compound_parts()
    {
        var document = LexiconLoader.LoadBuiltIn(LexiconLanguage.Swedish);
        var index = document.Themes.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var lexicon = LexiconCompiler.Compile(document, index);
        using var chain = ThemeTextAnalyzer.Create(document.Language, lexicon.CompoundParts, lexicon.Unstemmed);
        var texts = Texts.Value.Concat(["1,5 promille i blodet, kl.10 vid E4:an", "bil\u00ADstölden snake_case", "東京 narkotikabrott"]);
        foreach (var text in texts)
        {
            var buffer = new TokenBuffer { KeepStems = true };
            lexicon.Match(text, new ThemeScores(index.Count), buffer, looksEnglish: false);
            var (words, offsets, parts) = Lucene(chain, text);
            Assert.Equal(words, buffer.Stems);
            Assert.Equal(offsets, buffer.Offsets);
            Assert.Equal(parts, buffer.Parts.Select((p, i) => (p.Position, buffer.PartStems[i])));
        }
    }

    [Fact]
    public void The_memo_stays_within_its_capacity()
    {
        static AnalysedWord Analyse(string word) => new(word.Length, int.Parse(word.AsSpan(3), CultureInfo.InvariantCulture), word.ToUpperInvariant(), []);
        var memo = new WordMemo<AnalysedWord>(Analyse, capacity: 100);
        var emptied = 0;
        var previous = 0;
        for (var i = 0; i < 1000; i++)
        {
            var word = $"ord{i % 250}";
            var result = memo.Get(word);

            // The same analysis whether memoised, analysed afresh or found again after the memo was emptied.
            Assert.Equal(Analyse(word) with { Parts = result.Parts }, result);
            Assert.InRange(memo.EntryCount, 0, memo.Capacity);
            if (memo.EntryCount < previous)
            {
                emptied++;
            }

            previous = memo.EntryCount;
        }

        Assert.True(emptied > 0, "the memo never reached its capacity, so the test checked nothing");
        Assert.Equal("ORD7", memo.Get("ord7").Stem);
    }

    [Fact]
    public void A_word_is_memoised_the_second_time_it_is_seen()
    {
        var analysed = 0;
        var memo = new WordMemo<AnalysedWord>(word => new AnalysedWord(++analysed, -1, word, []));
        Assert.Equal(1, memo.Get("narkotika").Word);
        Assert.Null(memo.TryGet("narkotika"));
        Assert.Equal(2, memo.Get("narkotika").Word);
        Assert.Equal(2, memo.Get("narkotika").Word);
        Assert.Same(memo.TryGet("narkotika"), memo.Get("narkotika"));
        Assert.Equal(1, memo.Count);
    }

    [Fact]
    public void Classifying_on_many_threads_gives_the_same_results_as_on_one()
    {
        var classifier = ClassifierFactory.CreateDefault();
        var texts = Texts.Value;
        var expected = texts.Select(t => Describe(classifier.Classify(t))).ToArray();

        // A fresh classifier, so the threads fill its memo together.
        var shared = ClassifierFactory.CreateDefault();
        var actual = new string[texts.Count];
        Parallel.For(0, texts.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var text = i % texts.Count;
            var description = Describe(shared.Classify(texts[text]));
            Interlocked.CompareExchange(ref actual[text], description, null);
            Assert.Equal(expected[text], description);
        });
        Assert.Equal(expected, actual);
    }

    private static string Describe(TipClassification classification) =>
        string.Join(" | ", classification.Themes.Select(t => $"{t.Theme} {t.Confidence} {string.Join(",", t.Matched)}"));

    private static bool AssertSameTokensWhenAccepted(string text)
    {
        var tokens = new List<(int Start, int End)>();
        if (!PlainTextTokenizer.TryTokenise(text, tokens))
        {
            return false;
        }

        using var tokenizer = ThemeTextAnalyzer.CreateTokenizer();
        using var stream = tokenizer.GetTokenStream("text", text);
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var expected = new List<(int Start, int End)>();
        while (stream.IncrementToken())
        {
            Assert.Equal(1, increment.PositionIncrement);
            expected.Add((offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        Assert.True(expected.SequenceEqual(tokens), $"tokens differ for \"{text}\"");
        return true;
    }

    private static (List<string?> Words, List<(int, int)> Offsets, List<(int, string)> Parts) Lucene(Analyzer chain, string text)
    {
        var words = new List<string?>();
        var offsets = new List<(int, int)>();
        var parts = new List<(int, string)>();
        using var stream = chain.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement > 0)
            {
                for (var gap = 1; gap < increment.PositionIncrement; gap++)
                {
                    words.Add(null);
                    offsets.Add((offset.StartOffset, offset.StartOffset));
                }

                words.Add(term.ToString());
                offsets.Add((offset.StartOffset, offset.EndOffset));
            }
            else
            {
                parts.Add((words.Count - 1, term.ToString()));
            }
        }

        stream.End();
        return (words, offsets, parts);
    }
}
