using System.Globalization;
using System.Text;

namespace Grastorp.Intake.Core.Places;

/// <summary>
/// The key two spellings of one place share: lower case, diacritics folded (å, ä → a; ö → o), punctuation gone,
/// the prepositions residents put first (vid, på, i, utanför) and the municipality's own name dropped, and house
/// numbers removed, so "vid Storgatan 5", "STORGATAN 12B" and "storgatan" meet. A place that is only a
/// preposition or a number has no key.
/// </summary>
public static class PlaceKey
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "vid", "pa", "i", "utanfor", "grastorp", "vara", "essunga", "kommun",
    };

    public static string? Of(string? place)
    {
        if (string.IsNullOrWhiteSpace(place))
        {
            return null;
        }

        var folded = new StringBuilder(place.Length);
        foreach (var c in place.Trim().ToLower(CultureInfo.GetCultureInfo("sv-SE")).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = folded.ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Dropped.Contains(w) && !IsHouseNumber(w))
            .ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    /// <summary>"5", "12b", "3a" — a number, perhaps with one letter for the entrance.</summary>
    private static bool IsHouseNumber(string word) =>
        char.IsAsciiDigit(word[0]) && word.Length <= 5 && word[..^1].All(char.IsAsciiDigit) && (char.IsAsciiDigit(word[^1]) || char.IsAsciiLetterLower(word[^1]));
}
