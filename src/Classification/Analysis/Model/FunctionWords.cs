using System.Collections.Frozen;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Sv;

namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>
/// Words that carry grammar rather than meaning ("jag", "nu", "men", "mellan", "the"): the Snowball Swedish stop list
/// and Lucene's English one, as Lucene.Net ships them (<see cref="SwedishAnalyzer.DefaultStopSet"/>,
/// <see cref="EnglishAnalyzer.DefaultStopSet"/>), compared folded like the n-grams, so "nar" is "när". The model still
/// reads them (police texts make "mellan" and "hos" real evidence); they are only never shown as a reason on their own,
/// since a highlighted "jag" tells the kommunpolis nothing about why a tip is about drugs.
/// </summary>
internal static class FunctionWords
{
    private static readonly FrozenSet<string> Folded = SwedishAnalyzer.DefaultStopSet
        .Concat(EnglishAnalyzer.DefaultStopSet)
        .Select(word => string.Create(word.Length, word, static (span, w) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = CharGramHasher.Fold(w[i]);
            }
        }))
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly int Longest = Folded.Max(word => word.Length);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Folded.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/> (as the tip writes it, any case, with or without å, ä, ö) is a function word.</summary>
    public static bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length > Longest)
        {
            return false;
        }

        Span<char> folded = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            folded[i] = CharGramHasher.Fold(word[i]);
        }

        return Lookup.Contains(folded);
    }
}
