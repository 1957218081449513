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
        // Nearly every field has nothing to remove: then the text itself is the answer, with no copy made (intake
        // normalises every field of every tip).
        var first = FirstChange(value);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        builder.Append(value, 0, first);
        Span<char> units = stackalloc char[2];
        foreach (var rune in value.AsSpan(first).EnumerateRunes())
        {
            if (IsKept(rune))
            {
                builder.Append(units[..rune.EncodeToUtf16(units)]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Where the first character that <see cref="Normalise"/> changes stands, or -1: one it drops, or a lone surrogate,
    /// which rune enumeration reads as U+FFFD (and so is written as one).
    /// </summary>
    private static int FirstChange(string value)
    {
        var at = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (!IsKept(rune) || (rune == Rune.ReplacementChar && value[at] != '\uFFFD'))
            {
                return at;
            }

            at += rune.Utf16SequenceLength;
        }

        return -1;
    }

    private static bool IsKept(Rune rune) =>
        rune.Value is '\t' or '\n' or '\r'
        || Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse);
}
