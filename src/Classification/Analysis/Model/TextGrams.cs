using Grastorp.Intake.Classification.Analysis.Text;

namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>
/// The text layer's features (<see cref="ThemeModelText"/>) as hash buckets: every word of the tip as written (letters
/// and digits, lower case, folded to ASCII by <see cref="CharGramHasher.Fold(char)"/>), each pair of neighbouring
/// words, and each word's character n-grams with a space marking its edges. Words of one character give n-grams only and
/// no pair ("knark i skolan" pairs knark with skolan), as a TF-IDF word tokenizer that drops one-letter words does.
/// A word the Swedish analysis negates gives nothing, and no pair spans it, so "det finns inga odlingslampor i garaget"
/// reads as "det finns inga i garaget", as in the first layer. Away phrases, unlike there, hide nothing: each is one theme's decoy, and
/// "misstänkt narkotikabrott" (no burglary) hid the drug word in a third of the police drug texts, which cost the layer
/// police drugs F1 0.85 → 0.59 out of fold. Training and the app call the same code. Thread-safe.
/// </summary>
/// <remarks>
/// What a word gives (<see cref="TextWord"/>) depends on the word alone, so it is made once per distinct word and
/// memoised (<see cref="WordMemo{TValue}"/>): hashing every n-gram of every word again was a third of the layer's time
/// per tip, and the app's layer reads each word's n-grams as one sum instead of a table row per n-gram.
/// </remarks>
internal sealed class TextGrams
{
    /// <summary>Told apart from words: a pair's hash starts from the first word's and goes on after this separator.</summary>
    private const char PairSeparator = ' ';

    private readonly WordMemo<TextWord> _words;
    private readonly Func<int, int[], double[]>? _weigh;

    /// <param name="settings">The layer's n-gram lengths and bucket counts.</param>
    /// <param name="weigh">
    /// What a word's bucket (or -1) and n-grams add to a tip's sums (<see cref="TextWord.Sums"/>), or null.
    /// </param>
    public TextGrams(ThemeModelText settings, Func<int, int[], double[]>? weigh = null)
    {
        Settings = settings;
        _weigh = weigh;
        _words = new WordMemo<TextWord>(Make);
    }

    /// <summary>The layer whose buckets these are (only its n-gram lengths and bucket counts matter here).</summary>
    public ThemeModelText Settings { get; }

    /// <summary>Whether these are the buckets of <paramref name="settings"/> (its n-gram lengths and bucket counts).</summary>
    public bool Fits(ThemeModelText settings) =>
        settings.MinLength == Settings.MinLength && settings.MaxLength == Settings.MaxLength
        && settings.WordBuckets == Settings.WordBuckets && settings.CharBuckets == Settings.CharBuckets;

    /// <summary>The words of <paramref name="text"/> the layer reads, in order, negated ones left out (see <see cref="TextGramReader"/>).</summary>
    /// <param name="text">The tip as analysed.</param>
    /// <param name="analysis">The tip's Swedish analysis, whose negated words are left out.</param>
    public TextGramReader Read(string text, TokenBuffer analysis) => new(this, text, analysis);

    /// <summary>
    /// Appends the tip's buckets to <paramref name="buckets"/>, repeats included: each word's own bucket, its pair with
    /// the word before, then its n-grams; words and pairs in [0, <see cref="ThemeModelText.WordBuckets"/>), n-grams after.
    /// </summary>
    public void Collect(string text, TokenBuffer analysis, List<int> buckets)
    {
        foreach (var (pairBucket, word, _, _) in Read(text, analysis))
        {
            if (word.WordBucket >= 0)
            {
                buckets.Add(word.WordBucket);
            }

            if (pairBucket >= 0)
            {
                buckets.Add(pairBucket);
            }

            buckets.AddRange(word.Grams);
        }
    }

    private int WordBucket(uint hash) => (int)(hash & ((uint)Settings.WordBuckets - 1));

    /// <summary>A word's entry (its first <see cref="CharGramHasher.MaxWordLength"/> characters).</summary>
    private TextWord Make(string word)
    {
        Span<int> grams = stackalloc int[CharGramHasher.MaxCount(Settings.MinLength, Settings.MaxLength)];
        var count = CharGramHasher.Buckets(word, Settings.MinLength, Settings.MaxLength, Settings.CharBuckets, ' ', ' ', grams);
        var buckets = new int[count];
        for (var i = 0; i < count; i++)
        {
            buckets[i] = Settings.WordBuckets + grams[i];
        }

        var hash = CharGramHasher.Hash(CharGramHasher.FnvOffset, word);
        var wordBucket = word.Length > 1 ? WordBucket(hash) : -1;
        return new TextWord(hash, wordBucket, buckets, _weigh?.Invoke(wordBucket, buckets) ?? []);
    }

    /// <summary>The next run of letters and digits from <paramref name="i"/>, which is moved past it; false at the end.</summary>
    private static bool NextWord(string text, ref int i, out int start, out int end)
    {
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        start = i;
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        end = i;
        return end > start;
    }

    /// <summary>
    /// Whether the analysis negated a word overlapping [start, end); <paramref name="next"/> walks the analysis's
    /// positions once from left to right.
    /// </summary>
    private static bool IsNegated(TokenBuffer analysis, int start, int end, ref int next)
    {
        var offsets = analysis.Offsets;
        while (next < offsets.Count && offsets[next].End <= start)
        {
            next++;
        }

        for (var p = next; p < offsets.Count && offsets[p].Start < end; p++)
        {
            if (analysis.Negated[p] && offsets[p].End > offsets[p].Start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The words a tip gives the layer, left to right: each word's pair with the last word of two or more characters
    /// before it (-1 when it has one character, there is none, or a negated word came between), what the word gives
    /// (<see cref="TextWord"/>, from the memo), and where it stands in the text (its first
    /// <see cref="CharGramHasher.MaxWordLength"/> characters, for explanations). Allocates nothing for words the memo holds.
    /// </summary>
    public ref struct TextGramReader(TextGrams grams, string text, TokenBuffer analysis)
    {
        private int _next;
        private int _negated;
        private uint? _previous;

        public (int PairBucket, TextWord Word, int Start, int End) Current { get; private set; }

        public readonly TextGramReader GetEnumerator() => this;

        public bool MoveNext()
        {
            while (NextWord(text, ref _next, out var start, out var end))
            {
                if (IsNegated(analysis, start, end, ref _negated))
                {
                    _previous = null;
                    continue;
                }

                var word = text.AsSpan(start, Math.Min(end - start, CharGramHasher.MaxWordLength));
                var made = grams._words.Get(word);
                var pairBucket = -1;
                if (made.WordBucket >= 0)
                {
                    if (_previous is { } first)
                    {
                        pairBucket = grams.WordBucket(CharGramHasher.Hash((first ^ PairSeparator) * CharGramHasher.FnvPrime, word));
                    }

                    _previous = made.Hash;
                }

                Current = (pairBucket, made, start, start + word.Length);
                return true;
            }

            return false;
        }
    }
}
