namespace Grastorp.Intake.Classification.Analysis;

/// <summary>The languages a lexicon can be written in: each has a Snowball stemmer in Lucene.Net.</summary>
public static class LexiconLanguage
{
    public const string Swedish = "sv";
    public const string English = "en";

    public static bool IsSupported(string? language) => language is Swedish or English;

    /// <summary>The Lucene.Net Snowball program name for a language.</summary>
    internal static string SnowballName(string language) => language switch
    {
        Swedish => "Swedish",
        English => "English",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unsupported lexicon language."),
    };
}
