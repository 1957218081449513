using Grastorp.Intake.Classification.Analysis.Model;

namespace Grastorp.Intake.Classification.Analysis.Text;

/// <summary>
/// A word's character n-grams as the first layer reads them (<see cref="ThemeModelCharGrams"/>), made with its analysis
/// and memoised with it: its distinct buckets, sorted, and beside each the model's feature for it or -1, so a tip's
/// features and explanations need no look-up in the model's table of buckets (1 MB, read at random).
/// </summary>
/// <param name="Buckets">The word's distinct n-gram buckets, sorted.</param>
/// <param name="Features">Per bucket of <paramref name="Buckets"/>, the model's feature index, or -1.</param>
internal sealed record WordCharGrams(int[] Buckets, int[] Features)
{
    /// <summary>The n-grams of <paramref name="word"/> as <paramref name="model"/> reads them, or null when it reads none.</summary>
    public static WordCharGrams? Of(ReadOnlySpan<char> word, CompiledModel model)
    {
        if (model.CharGrams is not { } charGrams)
        {
            return null;
        }

        Span<int> buckets = stackalloc int[CharGramHasher.MaxCount(charGrams)];
        var all = buckets[..CharGramHasher.Buckets(word, charGrams, buckets)];
        var sorted = all[..DistinctValues.SortDistinct(all)].ToArray();
        return new WordCharGrams(sorted, [.. sorted.Select(bucket => model.FeatureOfBucket[bucket])]);
    }
}
