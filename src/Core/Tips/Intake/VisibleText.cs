using System.Globalization;
using System.Text;

namespace Grastorp.Intake.Core.Tips.Intake;

/// <summary>
/// Normalises what a resident sent at entry, before any rule looks at it: control characters (NUL, BEL, ESC…) and
/// invisible format characters (zero-width space and joiners, BOM, soft hyphen, and the bidi overrides that make text
/// read differently from how it is stored) are removed; ordinary whitespace stays. What is left is what a reader
/// sees, so "ten characters" means ten visible ones and nothing raw reaches the table or the digest.
/// </summary>
public static class VisibleText
{
    public static string Normalise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsKept(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    private static bool IsKept(Rune rune) =>
        rune.Value is '\t' or '\n' or '\r'
        || Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse);
}
