using System.Runtime.CompilerServices;

namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>
/// A set of hash buckets as one bit each: 32 KB for the first layer's 262,144 n-gram buckets, 4 KB for the text
/// layer's, so it stays in the cache where an array of per-bucket stamps (1 MB) did not. Not thread-safe: each thread
/// keeps its own. <see cref="System.Collections.BitArray"/> does the same, but was slower over a tip's worth of random
/// buckets with clearing (12.4 against 7.7 µs; bench/RESULTS.md, eighth round).
/// </summary>
internal sealed class BucketSet(int buckets)
{
    private readonly ulong[] _bits = new ulong[(buckets + 63) / 64];

    /// <summary>How many buckets the set can hold.</summary>
    public int Buckets { get; } = buckets;

    /// <summary>Whether <paramref name="bucket"/> is in the set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int bucket) => (_bits[bucket >> 6] & (1UL << bucket)) != 0;

    /// <summary>Adds <paramref name="bucket"/>; false when it was in the set already.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(int bucket)
    {
        ref var word = ref _bits[bucket >> 6];
        var bit = 1UL << bucket;
        var added = (word & bit) == 0;
        word |= bit;
        return added;
    }

    /// <summary>Empties the set (a few thousand bytes cleared at memory speed, cheaper than finding the bits set).</summary>
    public void Clear() => Array.Clear(_bits);
}
