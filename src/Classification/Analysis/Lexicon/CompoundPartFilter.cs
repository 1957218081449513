using Grastorp.Intake.Classification.Analysis.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Grastorp.Intake.Classification.Analysis.Lexicon;

/// <summary>
/// The compound parts of a token, found against a small dictionary (the lexicon's compound words): after each token
/// of at least <see cref="ThemeTextAnalyzer.MinCompoundWordLength"/> letters, one extra token (position increment 0)
/// per start position, holding the longest dictionary word that starts there. The same output as Lucene's
/// <c>DictionaryCompoundWordTokenFilter</c> with <c>onlyLongestMatch</c>, without its cost.
/// </summary>
/// <remarks>
/// Lucene's filter probes every substring length at every start position (about 20 hash look-ups per letter) and
/// captures and restores the whole attribute state per part. Here a table of every dictionary word's prefixes stops the
/// probe at the first prefix no word has (usually the first, four letters long), and a part is written straight into the
/// cleared attributes: one probe per letter in most words, and no allocation per token.
/// </remarks>
internal sealed class CompoundPartFilter : TokenFilter
{
    private readonly CompoundDictionary _dictionary;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;

    private char[] _word = new char[32];
    private int _wordLength;
    private int _startOffset;
    private int _endOffset;

    /// <summary>The next start position to look for a part at; -1 when the current token is done.</summary>
    private int _next = -1;

    public CompoundPartFilter(TokenStream input, CompoundDictionary dictionary)
        : base(input)
    {
        _dictionary = dictionary;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= 0 && EmitNextPart())
        {
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var length = _term.Length;
        if (length >= ThemeTextAnalyzer.MinCompoundWordLength)
        {
            if (_word.Length < length)
            {
                _word = new char[Math.Max(length, _word.Length * 2)];
            }

            Array.Copy(_term.Buffer, _word, length);
            _wordLength = length;
            _startOffset = _offset.StartOffset;
            _endOffset = _offset.EndOffset;
            _next = 0;
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = -1;
    }

    private bool EmitNextPart()
    {
        var word = _word.AsSpan(0, _wordLength);
        for (var start = _next; start <= _wordLength - ThemeTextAnalyzer.MinCompoundPartLength; start++)
        {
            var length = _dictionary.LongestAt(word[start..]);
            if (length > 0)
            {
                _next = start + 1;
                ClearAttributes();
                _term.CopyBuffer(_word, start, length);
                _increment.PositionIncrement = 0;
                _offset.SetOffset(_startOffset, _endOffset);
                return true;
            }
        }

        _next = -1;
        return false;
    }
}
