using System.Collections.Concurrent;

namespace Grastorp.Intake.Core.Themes.Analysis;

/// <summary>A surface word after the lexicon's analysis: what <see cref="CompiledLexicon"/> needs of it per occurrence.</summary>
/// <param name="Word">The lexicon's id of the stem, exact or one typo away, or -1.</param>
/// <param name="Exact">The vocabulary id of the exact stem (lexicon or model), or -1.</param>
/// <param name="Stem">The stem as analysed (folded, lower case, Snowball).</param>
/// <param name="Parts">The word's compound parts, in the order the analysis gives them.</param>
internal sealed record AnalysedWord(int Word, int Exact, string Stem, AnalysedPart[] Parts);

/// <summary>A compound part: its lexicon id (or -1), exact vocabulary id (or -1) and stem.</summary>
internal readonly record struct AnalysedPart(int Id, int Exact, string Stem);

/// <summary>
/// A bounded, thread-safe memo from a surface word (as the tokenizer gives it, case kept) to its analysis, so lower
/// casing, folding, compound splitting, Snowball and the typo look-up run once per distinct word instead of once per
/// occurrence. Residents and police use a small vocabulary, so nearly every word is found.
/// </summary>
/// <remarks>
/// The analysis of a word does not depend on its neighbours (every filter of the chain reads one token), so the memo
/// changes no result. When it reaches <see cref="Capacity"/> entries it is emptied and fills again: memory stays bounded
/// (give or take a few entries added by other threads meanwhile) and the words in use come back at once.
/// </remarks>
internal sealed class WordAnalysisCache
{
    public const int DefaultCapacity = 50_000;

    private readonly ConcurrentDictionary<string, AnalysedWord> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AnalysedWord>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Func<string, AnalysedWord> _analyse;
    private int _count;

    public WordAnalysisCache(Func<string, AnalysedWord> analyse, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _analyse = analyse;
        Capacity = capacity;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Capacity { get; }

    /// <summary>Entries held now (approximate while other threads add).</summary>
    public int Count => Volatile.Read(ref _count);

    public AnalysedWord Get(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var found))
        {
            return found;
        }

        var key = word.ToString();
        var analysed = _analyse(key);
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 1);
        }

        return _entries.TryAdd(key, analysed) ? analysed : _entries.GetValueOrDefault(key, analysed);
    }
}
