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
        var normalised = text.Normalize(NormalizationForm.FormC);
        // Match positions only, no Match objects: every tip is read here at intake.
        foreach (var match in Tokens().EnumerateMatches(normalised))
        {
            var token = normalised.AsSpan(match.Index, match.Length);
            // The "stop" alternative: no word starts with one of its marks, so the first character tells them apart.
            if (token[0] is '.' or '!' or '?' or ';' or '\n')
            {
                clause++;
                continue;
            }

            var word = string.Create(token.Length, token, static (lower, token) =>
            {
                token.ToLowerInvariant(lower);
                lower.Replace('’', '\'');
            });
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
