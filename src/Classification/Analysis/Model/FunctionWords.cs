using System.Collections.Frozen;
using System.Text;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Sv;

namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>
/// Words that carry grammar rather than meaning ("jag", "nu", "men", "mellan"): the Snowball Swedish stop list as
/// Lucene.Net ships it (<see cref="SwedishAnalyzer.DefaultStopSet"/>), and in an English tip Lucene's English one
/// (<see cref="EnglishAnalyzer.DefaultStopSet"/>). The model still reads them (police texts make "mellan" real
/// evidence); they are only never shown as a reason on their own, since a highlighted "jag" tells the kommunpolis
/// nothing about why a tip is about drugs.
/// </summary>
/// <remarks>
/// A word written without rings and dots ("nar") is compared folded, so it is "när"; a word with them is compared as
/// written, so "ån" (a river) and "år" are not "än" and "är". The English list is kept to English tips because some of
/// its words are Swedish words with a meaning: "is" (ice on the road), "by" (a village).
/// </remarks>
internal static class FunctionWords
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Swedish =
        SwedishAnalyzer.DefaultStopSet.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SwedishFolded = SwedishAnalyzer.DefaultStopSet
        .Select(word => string.Create(word.Length, word, static (folded, w) => CharGramHasher.Fold(w, folded)))
        .ToFrozenSet(StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> English =
        EnglishAnalyzer.DefaultStopSet.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int Longest = Swedish.Set.Concat(English.Set).Max(word => word.Length);

    /// <summary>Whether <paramref name="word"/> (as the tip writes it, any case) is a function word in a tip of that language.</summary>
    public static bool Contains(ReadOnlySpan<char> word, bool english)
    {
        if (word.Length > Longest)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        if (english && English.Contains(lower))
        {
            return true;
        }

        if (!Ascii.IsValid(lower))
        {
            return Swedish.Contains(lower);
        }

        return SwedishFolded.Contains(lower);
    }
}
