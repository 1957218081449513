using Grastorp.Intake.Core;

namespace Grastorp.Intake.Classification;

/// <summary>
/// The names of the features the learned model reads, all taken from the Swedish analysis the lexicon already does:
/// <list type="bullet">
/// <item><c>w:STEM</c>: a word's Snowball stem (folded, lower case), or a compound part's (1 when present).</item>
/// <item><c>b:STEM STEM</c>: two neighbouring words (1 when present).</item>
/// <item><c>c:BUCKET</c>: a hash bucket of character n-grams of the words (1 when present; see
/// <see cref="ThemeModelCharGrams"/>), only in a model that has <see cref="ThemeModel.CharGrams"/>.</item>
/// <item><c>lex:THEME</c>: the lexicon's evidence for a theme, its score divided by the theme's threshold, at most
/// <see cref="MaxLexiconEvidence"/>.</item>
/// </list>
/// Words after a negation ("inte droger") and words inside an away phrase ("klippa gräset") give no features, as they
/// give no lexicon score.
/// </summary>
public static class ThemeFeatures
{
    public const string WordPrefix = "w:";
    public const string BigramPrefix = "b:";
    public const string LexiconPrefix = "lex:";
    public const string CharGramPrefix = "c:";

    /// <summary>Lexicon evidence is capped, so a long tip full of theme words does not swamp the rest.</summary>
    public const double MaxLexiconEvidence = 3;

    public static string Word(string stem) => WordPrefix + stem;

    public static string Bigram(string first, string second) => $"{BigramPrefix}{first} {second}";

    public static string Lexicon(string theme) => LexiconPrefix + theme;

    public static string CharGram(int bucket) => CharGramPrefix + bucket.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The bucket a <c>c:BUCKET</c> name names, or -1 when it is not one.</summary>
    public static int CharGramBucket(string name) =>
        name.StartsWith(CharGramPrefix, StringComparison.Ordinal)
        && name.Length > CharGramPrefix.Length
        && name.Length <= CharGramPrefix.Length + 9
        && int.TryParse(name.AsSpan(CharGramPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bucket)
            ? bucket
            : -1;

    /// <summary>
    /// The value of each word and bigram feature in a tip of <paramref name="words"/> words the model reads (neither
    /// stop words nor negated nor in an away phrase, repeats counted): 1 without a scale, else scale / √words.
    /// </summary>
    public static double WordValue(double? scale, int words) => scale is { } s ? s / Math.Sqrt(Math.Max(1, words)) : 1;

    /// <summary>The value of a <c>lex:THEME</c> feature: the theme's lexicon score over its threshold, capped.</summary>
    public static double LexiconEvidence(double score, double threshold) => Math.Min(MaxLexiconEvidence, score / threshold);

    public static bool IsValidName(string? name) => name switch
    {
        null => false,
        _ when name.StartsWith(WordPrefix, StringComparison.Ordinal) =>
            name.Length > WordPrefix.Length && !name.Contains(' ', StringComparison.Ordinal),
        _ when name.StartsWith(BigramPrefix, StringComparison.Ordinal) =>
            name[BigramPrefix.Length..].Split(' ') is [{ Length: > 0 }, { Length: > 0 }],
        _ when name.StartsWith(LexiconPrefix, StringComparison.Ordinal) => KeyId.IsValid(name[LexiconPrefix.Length..]),
        _ when name.StartsWith(CharGramPrefix, StringComparison.Ordinal) => CharGramBucket(name) >= 0,
        _ => false,
    };
}
