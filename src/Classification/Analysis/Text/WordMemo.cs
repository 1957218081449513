using System.Collections.Concurrent;

namespace Grastorp.Intake.Classification.Analysis.Text;

/// <summary>
/// A bounded, thread-safe memo from a surface word (as the tokenizer gives it, case kept) to what is made of it alone:
/// its analysis (lower casing, folding, compound splitting, Snowball and the typo look-up; see
/// <see cref="VocabularyEncoder"/>) or its text layer buckets (<see cref="Model.TextGrams"/>), made once per distinct
/// word instead of once per occurrence. Residents and police use a small vocabulary, so nearly every word is found.
/// </summary>
/// <typeparam name="TValue">What is made of a word; it must depend on the word alone, not on its neighbours.</typeparam>
/// <remarks>
/// What is made of a word does not depend on its neighbours (every filter of the analysis chain reads one token), so the
/// memo changes no result. A word is memoised the second time it is seen (a "doorkeeper" table of hashes remembers the first
/// sighting): a stream of words never seen before, such as names and typos, costs what making it afresh costs and does
/// not fill the memo with objects that are used once. When it reaches <see cref="Capacity"/> entries it is emptied and
/// fills again: memory stays bounded (give or take a few entries added by other threads meanwhile) and the words in use
/// come back at once. Races between threads can only memoise a word once more or once less, never change an entry.
/// </remarks>
internal sealed class WordMemo<TValue>
    where TValue : class
{
    public const int DefaultCapacity = 50_000;

    /// <summary>Slots of the doorkeeper table (a power of two).</summary>
    private const int DoorkeeperSlots = 1 << 16;

    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Func<string, TValue> _make;
    private readonly int[] _seen = new int[DoorkeeperSlots];
    private int _count;

    public WordMemo(Func<string, TValue> make, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _make = make;
        Capacity = capacity;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Capacity { get; }

    /// <summary>Entries held now (approximate while other threads add).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Entries the memo really holds (for tests: <see cref="Count"/> is the counter that decides when to empty it).</summary>
    internal int EntryCount => _entries.Count;

    /// <summary>The memo's entry for <paramref name="word"/>, or null.</summary>
    public TValue? TryGet(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var found) ? found : null;

    /// <summary>The entry for <paramref name="word"/>, made (and added on its second sighting) when missing.</summary>
    public TValue Get(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var found))
        {
            return found;
        }

        var key = word.ToString();
        var made = _make(key);
        if (Admit(word))
        {
            Add(key, made);
        }

        return made;
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

    /// <summary>Adds an entry made elsewhere (it must be what is made of <paramref name="word"/>).</summary>
    public void Add(string word, TValue made)
    {
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 1);
        }

        _entries.TryAdd(word, made);
    }
}
