using System.Runtime.InteropServices;

namespace Grastorp.Intake.Classification;

/// <summary>
/// The text layer's vector of a tip (<see cref="ThemeModelText"/>), one rule for the app and the <c>train</c> command:
/// each bucket present counts 1 + ln(its count) times its inverse document frequency, and the word part and the n-gram
/// part are each scaled to length 1, so a long tip's many words do not outweigh a short tip's few.
/// </summary>
public static class TextLayerVector
{
    /// <summary>A bucket present <paramref name="count"/> times, before the scaling: (1 + ln count) × idf.</summary>
    public static double Value(int count, float idf) => count == 1 ? idf : (1 + Math.Log(count)) * idf;

    /// <summary>Fills <paramref name="values"/> (cleared first) with the vector, buckets ascending.</summary>
    /// <param name="sortedBuckets">The tip's buckets, repeats included, ascending.</param>
    /// <param name="idf">Per bucket; 0 leaves a bucket out.</param>
    /// <param name="wordBuckets">Buckets below this are the word part.</param>
    public static void Build(ReadOnlySpan<int> sortedBuckets, ReadOnlySpan<float> idf, int wordBuckets, List<(int Bucket, double Value)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values.Clear();
        var (wordNorm, charNorm) = (0.0, 0.0);
        for (var i = 0; i < sortedBuckets.Length;)
        {
            var j = i + 1;
            while (j < sortedBuckets.Length && sortedBuckets[j] == sortedBuckets[i])
            {
                j++;
            }

            var value = Value(j - i, idf[sortedBuckets[i]]);
            if (value > 0)
            {
                values.Add((sortedBuckets[i], value));
                if (sortedBuckets[i] < wordBuckets)
                {
                    wordNorm += value * value;
                }
                else
                {
                    charNorm += value * value;
                }
            }

            i = j;
        }

        (wordNorm, charNorm) = (Math.Sqrt(wordNorm), Math.Sqrt(charNorm));
        var vector = CollectionsMarshal.AsSpan(values);
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i].Value /= vector[i].Bucket < wordBuckets ? wordNorm : charNorm;
        }
    }
}
