namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>
/// A word's character n-grams as hash buckets (see <see cref="ThemeModelCharGrams"/>): the word lower-cased and folded
/// to ASCII (<c>Påverkade</c> → <c>paverkade</c>), framed as <c>&lt;paverkade&gt;</c>, every n-gram of the configured
/// lengths hashed with 32-bit FNV-1a and masked to the bucket count. Training and the app call the same code, so a
/// bucket means the same n-grams in both. Allocates nothing.
/// </summary>
internal static class CharGramHasher
{
    /// <summary>Only a word's first this many characters are read: longer "words" are links or keyboard mashing.</summary>
    public const int MaxWordLength = 40;

    internal const uint FnvOffset = 2166136261;
    internal const uint FnvPrime = 16777619;

    /// <summary>The most buckets <see cref="Buckets(ReadOnlySpan{char}, ThemeModelCharGrams, Span{int})"/> can write for one word.</summary>
    public static int MaxCount(ThemeModelCharGrams settings) => MaxCount(settings.MinLength, settings.MaxLength);

    /// <summary>The most buckets one word gives with n-grams of <paramref name="minLength"/> to <paramref name="maxLength"/> characters.</summary>
    public static int MaxCount(int minLength, int maxLength) => (maxLength - minLength + 1) * (MaxWordLength + 2);

    /// <summary>
    /// Writes the buckets of <paramref name="word"/>'s n-grams to <paramref name="buckets"/> (at least
    /// <see cref="MaxCount(ThemeModelCharGrams)"/> long), in text order, repeats included; returns how many.
    /// </summary>
    public static int Buckets(ReadOnlySpan<char> word, ThemeModelCharGrams settings, Span<int> buckets) =>
        Buckets(word, settings.MinLength, settings.MaxLength, settings.Buckets, '<', '>', buckets);

    /// <summary>
    /// The same for any n-gram lengths, bucket count (a power of two) and marks for the word's start and end (the text
    /// layer marks both with a space, as a TF-IDF "char_wb" analyzer does).
    /// </summary>
    public static int Buckets(
        ReadOnlySpan<char> word, int minLength, int maxLength, int bucketCount, char startMark, char endMark, Span<int> buckets)
    {
        var length = Math.Min(word.Length, MaxWordLength);
        Span<char> framed = stackalloc char[MaxWordLength + 2];
        framed[0] = startMark;
        Fold(word[..length], framed[1..]);

        framed[length + 1] = endMark;
        framed = framed[..(length + 2)];
        var mask = (uint)bucketCount - 1;
        var count = 0;
        for (var start = 0; start + minLength <= framed.Length; start++)
        {
            var hash = FnvOffset;
            var end = Math.Min(framed.Length, start + maxLength);
            for (var i = start; i < end; i++)
            {
                hash = (hash ^ framed[i]) * FnvPrime;
                if (i - start + 1 >= minLength)
                {
                    buckets[count++] = (int)(hash & mask);
                }
            }
        }

        return count;
    }

    /// <summary>A non-negative hash of the word as folded (the same for <c>Knarkk</c> and <c>knarkk</c>).</summary>
    public static int WordKey(ReadOnlySpan<char> word) => (int)(Hash(FnvOffset, word) & int.MaxValue);

    /// <summary>FNV-1a of <paramref name="word"/> as folded, going on from <paramref name="hash"/>.</summary>
    public static uint Hash(uint hash, ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            hash = (hash ^ Fold(c)) * FnvPrime;
        }

        return hash;
    }

    /// <summary>Writes <paramref name="word"/> folded (see <see cref="Fold(char)"/>) to the start of <paramref name="folded"/>.</summary>
    public static void Fold(ReadOnlySpan<char> word, Span<char> folded)
    {
        for (var i = 0; i < word.Length; i++)
        {
            folded[i] = Fold(word[i]);
        }
    }

    /// <summary>A character lower-cased and folded to ASCII where Swedish and its neighbours need it (å, ä, ö, é, ü …).</summary>
    public static char Fold(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        return char.ToLowerInvariant(c) switch
        {
            'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'æ' => 'a',
            'ç' => 'c',
            'è' or 'é' or 'ê' or 'ë' => 'e',
            'ì' or 'í' or 'î' or 'ï' => 'i',
            'ñ' => 'n',
            'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' => 'o',
            'ù' or 'ú' or 'û' or 'ü' => 'u',
            'ý' or 'ÿ' => 'y',
            'ß' => 's',
            var other => other,
        };
    }
}
