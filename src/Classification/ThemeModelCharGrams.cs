namespace Grastorp.Intake.Classification;

/// <summary>
/// The learned layer's character n-grams (<c>c:BUCKET</c> features): n-grams of MinLength to MaxLength characters of
/// each word, lower case and folded to ASCII, with <c>&lt;</c> and <c>&gt;</c> marking the word's start and end,
/// hashed (FNV-1a) into a fixed number of buckets. They let the model read words it has never seen whole:
/// misspellings (<c>knarkk</c>), missing rings and dots (<c>gras</c>, <c>vagen</c>) and unseen inflections.
/// Each bucket present in a tip counts <see cref="Scale"/> / √n, where n is the number of distinct buckets of the whole
/// tip (whether the model has a weight for them or not): the n-grams together weigh the same in a long tip as in a
/// short one, as a word's features do, instead of adding up with every word.
/// </summary>
public sealed record ThemeModelCharGrams
{
    public const int SmallestLength = 2;
    public const int LargestLength = 6;
    public const int FewestBuckets = 1 << 10;
    public const int MostBuckets = 1 << 22;

    /// <summary>The shortest n-gram (3 in the shipped model).</summary>
    public int MinLength { get; init; } = 3;

    /// <summary>The longest n-gram (5 in the shipped model).</summary>
    public int MaxLength { get; init; } = 5;

    /// <summary>How many hash buckets (a power of two); a <c>c:</c> feature names one.</summary>
    public int Buckets { get; init; } = 1 << 18;

    /// <summary>The length of a tip's n-gram vector (see the type's summary).</summary>
    public double Scale { get; init; } = 2;

    public const double LargestScale = 100;

    /// <summary>The value of each bucket present in a tip with <paramref name="distinct"/> distinct buckets.</summary>
    public double Value(int distinct) => Scale / Math.Sqrt(Math.Max(1, distinct));

    /// <summary>Every problem with these settings; empty when they can be used.</summary>
    public IEnumerable<string> Problems()
    {
        if (MinLength < SmallestLength || MaxLength > LargestLength || MinLength > MaxLength)
        {
            yield return $"charGrams: lengths must satisfy {SmallestLength} ≤ minLength ≤ maxLength ≤ {LargestLength}";
        }

        if (Buckets < FewestBuckets || Buckets > MostBuckets || (Buckets & (Buckets - 1)) != 0)
        {
            yield return $"charGrams: buckets must be a power of two from {FewestBuckets} to {MostBuckets}";
        }

        if (!(Scale > 0 && Scale <= LargestScale))
        {
            yield return $"charGrams: scale must be above 0 and at most {LargestScale}";
        }
    }
}
