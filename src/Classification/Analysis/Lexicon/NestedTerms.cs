namespace Grastorp.Intake.Classification.Analysis.Lexicon;

/// <summary>
/// A word is evidence for a theme once. Of terms of one theme that are nested (every word of one is a word of the
/// other: "kör för fort" and its words "kör" and "fort"; "cykelstöld" and its compound part "stöld") only the heaviest
/// counts, then the one with more words, then the first found. A word that a phrase merely skips ("kör bil för fort")
/// is not one of its words and still counts.
/// </summary>
internal static class NestedTerms
{
    /// <summary>
    /// Marks in <paramref name="kept"/> which of the <paramref name="counting"/> occurrences count: taken heaviest first,
    /// each is kept unless it is nested with one already kept. Greedy, so a term that lost cannot knock out another.
    /// </summary>
    /// <param name="occurrences">Every pattern found in the tip.</param>
    /// <param name="words">The tip's lexicon id per position.</param>
    /// <param name="counting">Indices into <paramref name="occurrences"/> of the terms that count, in the order found.</param>
    /// <param name="kept">One flag per entry of <paramref name="counting"/>.</param>
    public static void MarkKept(
        ReadOnlySpan<(LexiconPattern Pattern, int Start, int End)> occurrences, ReadOnlySpan<int> words, ReadOnlySpan<int> counting, Span<bool> kept)
    {
        // Positions into counting, heaviest first (insertion sort: a tip has a handful of terms).
        Span<int> order = counting.Length <= 256 ? stackalloc int[counting.Length] : new int[counting.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var j = i;
            while (j > 0 && Outranks(occurrences[counting[i]], i, occurrences[counting[order[j - 1]]], order[j - 1]))
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = i;
        }

        for (var i = 0; i < order.Length; i++)
        {
            ref readonly var candidate = ref occurrences[counting[order[i]]];
            var nested = false;
            for (var k = 0; k < i && !nested; k++)
            {
                nested = kept[order[k]] && AreNested(occurrences[counting[order[k]]], candidate, words);
            }

            kept[order[i]] = !nested;
        }
    }

    private static bool Outranks(
        in (LexiconPattern Pattern, int Start, int End) term, int position, in (LexiconPattern Pattern, int Start, int End) other, int otherPosition) =>
        term.Pattern.Weight != other.Pattern.Weight ? term.Pattern.Weight > other.Pattern.Weight
        : term.Pattern.Ids.Length != other.Pattern.Ids.Length ? term.Pattern.Ids.Length > other.Pattern.Ids.Length
        : position < otherPosition;

    private static bool AreNested(
        in (LexiconPattern Pattern, int Start, int End) first, in (LexiconPattern Pattern, int Start, int End) second, ReadOnlySpan<int> words) =>
        first.Pattern.Target == second.Pattern.Target && (Contains(first, second, words) || Contains(second, first, words));

    /// <summary>Whether every position of <paramref name="inner"/> holds one of <paramref name="outer"/>'s own words.</summary>
    private static bool Contains(
        in (LexiconPattern Pattern, int Start, int End) outer, in (LexiconPattern Pattern, int Start, int End) inner, ReadOnlySpan<int> words)
    {
        if (inner.Start < outer.Start || inner.End > outer.End)
        {
            return false;
        }

        for (var position = inner.Start; position < inner.End; position++)
        {
            if (Array.IndexOf(outer.Pattern.Ids, words[position]) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
