using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Grastorp.Intake.Core.Emergency;

/// <summary>A word of a text, lower case, with the clause it stands in (clauses end at . ! ? ; and at "men"/"but").</summary>
internal readonly record struct ClauseWord(string Text, int Clause);

/// <summary>Splits text into lower-case words and clauses, the same way for the phrase file and for a tip.</summary>
internal static partial class EmergencyText
{
    public static IReadOnlyList<ClauseWord> Words(string text)
    {
        var words = new List<ClauseWord>();
        var clause = 0;
        foreach (Match match in Tokens().Matches(text.Normalize(NormalizationForm.FormC)))
        {
            if (match.Groups["stop"].Success)
            {
                clause++;
                continue;
            }

            var word = match.Value.ToLower(CultureInfo.InvariantCulture).Replace('’', '\'');
            if (word is "men" or "but")
            {
                clause++;
                continue;
            }

            words.Add(new ClauseWord(word, clause));
        }

        return words;
    }

    [GeneratedRegex(@"(?<stop>[.!?;\n]+)|[\p{L}\p{N}]+(?:['’][\p{L}]+)?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Tokens();
}
