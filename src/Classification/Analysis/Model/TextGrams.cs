namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>
/// The text layer's features (<see cref="ThemeModelText"/>) as hash buckets: every word of the tip as written (letters
/// and digits, lower case, folded to ASCII by <see cref="CharGramHasher.Fold(char)"/>), each pair of neighbouring
/// words, and each word's character n-grams with a space marking its edges. Words of one character give n-grams only and
/// no pair ("knark i skolan" pairs knark with skolan), as a TF-IDF word tokenizer that drops one-letter words does.
/// A word the Swedish analysis negates gives nothing, and no pair spans it, so "det finns inga odlingslampor i garaget"
/// reads as "det finns inga i garaget", as in the first layer. Away phrases, unlike there, hide nothing: each is one theme's decoy, and
/// "misstänkt narkotikabrott" (no burglary) hid the drug word in a third of the police drug texts, which cost the layer
/// police drugs F1 0.85 → 0.59 out of fold. Training and the app call the same code. Allocates nothing.
/// </summary>
internal static class TextGrams
{
    /// <summary>Told apart from words: a pair's hash starts from the first word's and goes on after this separator.</summary>
    private const char PairSeparator = ' ';

    /// <summary>
    /// Appends the tip's buckets to <paramref name="buckets"/>, repeats included: words and pairs in
    /// [0, <see cref="ThemeModelText.WordBuckets"/>), n-grams after them.
    /// </summary>
    /// <param name="text">The tip as analysed.</param>
    /// <param name="analysis">The tip's Swedish analysis, whose negated words are left out.</param>
    public static void Collect(string text, TokenBuffer analysis, ThemeModelText settings, List<int> buckets)
    {
        var wordMask = (uint)settings.WordBuckets - 1;
        var negated = 0;
        uint? previous = null;
        for (var i = 0; NextWord(text, ref i, out var start, out var end);)
        {
            if (IsNegated(analysis, start, end, ref negated))
            {
                previous = null;
                continue;
            }

            var word = text.AsSpan(start, Math.Min(end - start, CharGramHasher.MaxWordLength));
            if (word.Length > 1)
            {
                var hash = CharGramHasher.Hash(CharGramHasher.FnvOffset, word);
                buckets.Add((int)(hash & wordMask));
                if (previous is { } first)
                {
                    buckets.Add((int)(CharGramHasher.Hash((first ^ PairSeparator) * CharGramHasher.FnvPrime, word) & wordMask));
                }

                previous = hash;
            }

            CharGrams(word, settings, buckets);
        }
    }

    /// <summary>Where each word <see cref="Collect"/> reads stands in the text, negated ones left out (for explanations).</summary>
    public static void Words(string text, TokenBuffer analysis, List<(int Start, int End)> words)
    {
        var negated = 0;
        for (var i = 0; NextWord(text, ref i, out var start, out var end);)
        {
            if (!IsNegated(analysis, start, end, ref negated))
            {
                words.Add((start, Math.Min(end, start + CharGramHasher.MaxWordLength)));
            }
        }
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

    /// <summary>The buckets of one word alone (its own word bucket first when it has one), for explanations.</summary>
    public static void OfWord(ReadOnlySpan<char> word, ThemeModelText settings, List<int> buckets)
    {
        if (word.Length > 1)
        {
            buckets.Add((int)(CharGramHasher.Hash(CharGramHasher.FnvOffset, word) & ((uint)settings.WordBuckets - 1)));
        }

        CharGrams(word, settings, buckets);
    }

    private static void CharGrams(ReadOnlySpan<char> word, ThemeModelText settings, List<int> buckets)
    {
        Span<int> grams = stackalloc int[CharGramHasher.MaxCount(settings.MinLength, settings.MaxLength)];
        var count = CharGramHasher.Buckets(word, settings.MinLength, settings.MaxLength, settings.CharBuckets, ' ', ' ', grams);
        foreach (var gram in grams[..count])
        {
            buckets.Add(settings.WordBuckets + gram);
        }
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
}
