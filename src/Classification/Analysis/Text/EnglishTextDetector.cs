using System.Collections.Frozen;

namespace Grastorp.Intake.Classification.Analysis.Text;

/// <summary>
/// Tells whether a tip is likely written in English (the form has an English version), so the English lexicon is run
/// only where it can help. Counts common English function words that are not Swedish words; costs one pass over the
/// characters and no allocation.
/// </summary>
internal static class EnglishTextDetector
{
    private static readonly FrozenSet<string> FunctionWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "the", "and", "is", "was", "were", "are", "there", "this", "that", "with", "have", "has", "been", "they", "my",
        "our", "it", "of", "to", "at", "from", "who", "what", "some", "someone", "near", "every", "you", "we", "he", "she",
        "his", "her", "them", "into", "outside", "again", "would", "could", "should", "think", "seen", "saw", "i'm");

    /// <summary>Two function words are enough: a Swedish tip rarely has even one ("the" in a quoted name).</summary>
    private const int Enough = 2;

    public static bool LooksEnglish(ReadOnlySpan<char> text)
    {
        var lookup = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var found = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isLetter = i < text.Length && (char.IsLetter(text[i]) || text[i] == '\'');
            if (isLetter && start < 0)
            {
                start = i;
            }
            else if (!isLetter && start >= 0)
            {
                if (lookup.Contains(text[start..i]) && ++found >= Enough)
                {
                    return true;
                }

                start = -1;
            }
        }

        return false;
    }
}
