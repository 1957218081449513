using System.Collections.Concurrent;

namespace Grastorp.Intake.Classification.Analysis.Text;

/// <summary>
/// A bounded, thread-safe memo from a surface word (as the tokenizer gives it, case kept) to its analysis, so lower
/// casing, folding, compound splitting, Snowball and the typo look-up run once per distinct word instead of once per
/// occurrence. Residents and police use a small vocabulary, so nearly every word is found.
/// </summary>
/// <remarks>
/// The analysis of a word does not depend on its neighbours (every filter of the chain reads one token), so the memo
/// changes no result. A word is memoised the second time it is seen (a "doorkeeper" table of hashes remembers the first
/// sighting): a stream of words never seen before, such as names and typos, costs what the plain analysis costs and does
/// not fill the memo with objects that are used once. When it reaches <see cref="Capacity"/> entries it is emptied and
/// fills again: memory stays bounded (give or take a few entries added by other threads meanwhile) and the words in use
/// come back at once. Races between threads can only memoise a word once more or once less, never change an entry.
/// </remarks>
internal sealed class WordAnalysisCache
{
    public const int DefaultCapacity = 50_000;

    /// <summary>Slots of the doorkeeper table (a power of two).</summary>
    private const int DoorkeeperSlots = 1 << 16;

    private readonly ConcurrentDictionary<string, AnalysedWord> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AnalysedWord>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Func<string, AnalysedWord> _analyse;
    private readonly int[] _seen = new int[DoorkeeperSlots];
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

    /// <summary>Entries the memo really holds (for tests: <see cref="Count"/> is the counter that decides when to empty it).</summary>
    internal int EntryCount => _entries.Count;

    /// <summary>The memo's entry for <paramref name="word"/>, or null.</summary>
    public AnalysedWord? TryGet(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var found) ? found : null;

    /// <summary>The entry for <paramref name="word"/>, analysed and added when missing.</summary>
    public AnalysedWord Get(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var found))
        {
            return found;
        }

        var key = word.ToString();
        var analysed = _analyse(key);
        if (Admit(word))
        {
            Add(key, analysed);
        }

        return analysed;
    }

    /// <summary>
    /// Whether a word the memo lacks should be added: true when it was seen before (by its hash, in a table where a
    /// later word may take an earlier one's slot), and marks it as seen.
    /// </summary>
    public bool Admit(ReadOnlySpan<char> word)
    {
        var hash = string.GetHashCode(word) | 1;
        ref var slot = ref _seen[(int)((uint)hash * 2654435769u >> 16)];
        if (Volatile.Read(ref slot) == hash)
        {
            return true;
        }

        Volatile.Write(ref slot, hash);
        return false;
    }

    /// <summary>Adds an entry made elsewhere (it must be what the analysis gives for <paramref name="word"/>).</summary>
    public void Add(string word, AnalysedWord analysed)
    {
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 1);
        }

        _entries.TryAdd(word, analysed);
    }
}
