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

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>The most buckets <see cref="Buckets"/> can write for one word.</summary>
    public static int MaxCount(ThemeModelCharGrams settings) =>
        (settings.MaxLength - settings.MinLength + 1) * (MaxWordLength + 2);

    /// <summary>
    /// Writes the buckets of <paramref name="word"/>'s n-grams to <paramref name="buckets"/> (at least
    /// <see cref="MaxCount"/> long), in text order, repeats included; returns how many.
    /// </summary>
    public static int Buckets(ReadOnlySpan<char> word, ThemeModelCharGrams settings, Span<int> buckets)
    {
        var length = Math.Min(word.Length, MaxWordLength);
        Span<char> framed = stackalloc char[MaxWordLength + 2];
        framed[0] = '<';
        Fold(word[..length], framed[1..]);

        framed[length + 1] = '>';
        framed = framed[..(length + 2)];
        var mask = (uint)settings.Buckets - 1;
        var count = 0;
        for (var start = 0; start + settings.MinLength <= framed.Length; start++)
        {
            var hash = FnvOffset;
            var end = Math.Min(framed.Length, start + settings.MaxLength);
            for (var i = start; i < end; i++)
            {
                hash = (hash ^ framed[i]) * FnvPrime;
                if (i - start + 1 >= settings.MinLength)
                {
                    buckets[count++] = (int)(hash & mask);
                }
            }
        }

        return count;
    }

    /// <summary>A non-negative hash of the word as folded (the same for <c>Knarkk</c> and <c>knarkk</c>).</summary>
    public static int WordKey(ReadOnlySpan<char> word)
    {
        var hash = FnvOffset;
        foreach (var c in word)
        {
            hash = (hash ^ Fold(c)) * FnvPrime;
        }

        return (int)(hash & int.MaxValue);
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
