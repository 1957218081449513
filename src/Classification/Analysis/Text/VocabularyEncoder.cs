using Grastorp.Intake.Classification.Analysis.Model;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using PendingWord = (int Start, int End, int Increment, int Word, int Exact, string Stem);

namespace Grastorp.Intake.Classification.Analysis.Text;

/// <summary>
/// Turns a tip's text into vocabulary ids in a <see cref="TokenBuffer"/>, as the Lucene chain of
/// <see cref="ThemeTextAnalyzer.Create(string, IReadOnlyCollection{string}, IReadOnlyCollection{string})"/> gives them,
/// memoising each distinct word's analysis (see <see cref="WordMemo{TValue}"/>). Thread-safe.
/// </summary>
internal sealed class VocabularyEncoder
{
    /// <summary>A tip with more words missing from the memo than this is analysed whole by the Lucene chain.</summary>
    private const int MaxWordByWordMisses = 3;

    private readonly Analyzer _analyzer;
    private readonly Analyzer _wordAnalyzer;
    private readonly VocabularyLookup _vocabulary;
    private readonly WordMemo<AnalysedWord> _memo;
    private readonly CompiledModel? _model;

    /// <param name="analyzer">The chain for whole texts.</param>
    /// <param name="wordAnalyzer">The same chain for one word at a time.</param>
    /// <param name="vocabulary">What the stems are to the lexicon and the model.</param>
    /// <param name="model">The learned layer: when it reads character n-grams, each word's are memoised with it; or null.</param>
    public VocabularyEncoder(Analyzer analyzer, Analyzer wordAnalyzer, VocabularyLookup vocabulary, CompiledModel? model = null)
    {
        _model = model;
        _analyzer = analyzer;
        _wordAnalyzer = wordAnalyzer;
        _vocabulary = vocabulary;
        _memo = new WordMemo<AnalysedWord>(AnalyseWord);
    }

    /// <summary>
    /// The tip's words and compound parts. Usually the tokens come from <see cref="PlainTextTokenizer"/> and each word's
    /// analysis from the memo; a word the memo lacks is analysed alone. A text the plain tokenizer declines, or with more
    /// than <see cref="MaxWordByWordMisses"/> new words, goes through the Lucene chain whole (cheaper than word by word),
    /// and its new words join the memo.
    /// </summary>
    public void Tokenise(string text, TokenBuffer buffer)
    {
        if (!PlainTextTokenizer.TryTokenise(text, buffer.Spans) || !TryFindInMemo(text, buffer))
        {
            TokeniseWithLucene(text, buffer);
            return;
        }

        var spans = buffer.Spans;
        for (var i = 0; i < spans.Count; i++)
        {
            var (start, end) = spans[i];
            AddWord(buffer.Analysed[i] ?? _memo.Get(text.AsSpan(start, end - start)), start, end, 1, buffer);
        }
    }

    /// <summary>
    /// Looks every plain token up in the memo (into <see cref="TokenBuffer.Analysed"/>); false when more than
    /// <see cref="MaxWordByWordMisses"/> are missing.
    /// </summary>
    private bool TryFindInMemo(string text, TokenBuffer buffer)
    {
        var found = buffer.Analysed;
        found.Clear();
        var misses = 0;
        foreach (var (start, end) in buffer.Spans)
        {
            var word = _memo.TryGet(text.AsSpan(start, end - start));
            if (word is null && ++misses > MaxWordByWordMisses)
            {
                return false;
            }

            found.Add(word);
        }

        return true;
    }

    /// <summary>
    /// The whole text through the Lucene chain: a word in the memo is taken from it, a word seen for the second time is
    /// built from the chain's tokens and memoised, and any other word goes to the buffer as the chain gives it.
    /// </summary>
    private void TokeniseWithLucene(string text, TokenBuffer buffer)
    {
        using var stream = _analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        buffer.PendingParts.Clear();
        PendingWord? pending = null;

        // What the compound parts that follow a word are for: the memo's entry has them already (false), or they go
        // straight to the buffer (true); with a pending word they join it.
        var direct = false;
        while (stream.IncrementToken())
        {
            var token = term.Buffer.AsSpan(0, term.Length);
            if (increment.PositionIncrement > 0)
            {
                Flush(text, buffer, ref pending);
                (pending, direct) = StartWord(text, buffer, token, (offset.StartOffset, offset.EndOffset), increment.PositionIncrement);
            }
            else if (pending is not null)
            {
                buffer.PendingParts.Add(_vocabulary.Part(token));
            }
            else if (direct && buffer.KeepsPart(_vocabulary.Exact(token)))
            {
                buffer.AddPart(_vocabulary.Part(token));
            }
        }

        Flush(text, buffer, ref pending);
        stream.End();
    }

    /// <summary>
    /// A new word from the Lucene chain: taken from the memo, or pending (to be memoised with its parts), or added to the
    /// buffer directly (then <c>Direct</c> is true).
    /// </summary>
    private (PendingWord? Pending, bool Direct) StartWord(
        string text, TokenBuffer buffer, ReadOnlySpan<char> token, (int Start, int End) offset, int increment)
    {
        var surface = text.AsSpan(offset.Start, offset.End - offset.Start);
        if (_memo.TryGet(surface) is { } known)
        {
            AddWord(known, offset.Start, offset.End, increment, buffer);
            return (null, false);
        }

        var exact = _vocabulary.Exact(token);
        var word = _vocabulary.Word(token, exact, surface);
        if (_memo.Admit(surface))
        {
            return ((offset.Start, offset.End, increment, word, exact, token.ToString()), false);
        }

        buffer.AddWord(word, exact, offset.Start, offset.End, increment, token, CharGrams(surface));
        return (null, true);
    }

    /// <summary>Memoises the pending word with the parts gathered for it, and adds it to the buffer.</summary>
    private void Flush(string text, TokenBuffer buffer, ref PendingWord? pending)
    {
        if (pending is not { } p)
        {
            return;
        }

        var analysed = new AnalysedWord(p.Word, p.Exact, p.Stem, [.. buffer.PendingParts], CharGrams(text.AsSpan(p.Start, p.End - p.Start)));
        _memo.Add(text[p.Start..p.End], analysed);
        AddWord(analysed, p.Start, p.End, p.Increment, buffer);
        buffer.PendingParts.Clear();
        pending = null;
    }

    private static void AddWord(AnalysedWord word, int start, int end, int increment, TokenBuffer buffer)
    {
        buffer.AddWord(word.Word, word.Exact, start, end, increment, word.Stem, word.CharGrams);
        foreach (var part in word.Parts)
        {
            if (buffer.KeepsPart(part.Exact))
            {
                buffer.AddPart(part);
            }
        }
    }

    /// <summary>One surface word through the whole chain (run once per distinct word, see <see cref="WordMemo{TValue}"/>).</summary>
    private AnalysedWord AnalyseWord(string surface)
    {
        using var stream = _wordAnalyzer.GetTokenStream("text", surface);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var (word, exact) = (-1, -1);
        string? stem = null;
        var parts = new List<AnalysedPart>();
        while (stream.IncrementToken())
        {
            var token = term.Buffer.AsSpan(0, term.Length);
            if (increment.PositionIncrement > 0 && stem is null)
            {
                stem = token.ToString();
                exact = _vocabulary.Exact(token);
                word = _vocabulary.Word(token, exact, surface);
            }
            else
            {
                parts.Add(_vocabulary.Part(token));
            }
        }

        stream.End();
        return new AnalysedWord(word, exact, stem ?? surface, [.. parts], CharGrams(surface));
    }

    /// <summary>The word's n-grams and their features, when the model reads n-grams (null otherwise).</summary>
    private WordCharGrams? CharGrams(ReadOnlySpan<char> surface) => _model is null ? null : WordCharGrams.Of(surface, _model);
}
