using System.Globalization;
using System.Text;

namespace Grastorp.Intake.Core.Digest.Presentation;

/// <summary>
/// Makes what a resident wrote safe to show in an e-mail: no control characters (NUL, BEL, ESC), no bidi overrides
/// that could reorder what the reader sees, and no line breaks where one line is expected, so a tip cannot forge a
/// line of the digest. Encoding for HTML is the renderer's job; this is about structure and invisible characters.
/// </summary>
public static class SafeText
{
    /// <summary>One line: every line break and tab becomes a space, runs of spaces one space.</summary>
    public static string Line(string? value) => Collapse(Clean(value, keepLineBreaks: false));

    /// <summary>A block: line breaks kept (as \n), at most one empty line in a row, other invisible characters dropped.</summary>
    public static string Block(string? value)
    {
        var lines = Clean(value, keepLineBreaks: true).Split('\n').Select(l => Collapse(l)).ToList();
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length > 0 || (kept.Count > 0 && kept[^1].Length > 0))
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept).TrimEnd('\n');
    }

    /// <summary>
    /// Cuts a text after about <paramref name="limit"/> characters, at a word boundary when one is near, never inside a
    /// character made of several code units. True when something was cut.
    /// </summary>
    public static (string Text, bool Cut) Cut(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        var elements = StringInfo.GetTextElementEnumerator(text);
        var length = 0;
        var end = 0;
        while (elements.MoveNext())
        {
            if (++length > limit)
            {
                var cut = text[..end];
                var space = cut.LastIndexOfAny([' ', '\n']);
                if (space > end - 40 && space > 0)
                {
                    cut = cut[..space];
                }

                return (cut.TrimEnd() + " …", true);
            }

            end = elements.ElementIndex + ((string)elements.Current).Length;
        }

        return (text, false);
    }

    private static string Clean(string? value, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = new StringBuilder(value.Length);
        var normalised = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var rune in normalised.EnumerateRunes())
        {
            if (rune.Value is '\n' or 0x2028 or 0x2029)
            {
                text.Append(keepLineBreaks ? '\n' : ' ');
            }
            else if (rune.Value == '\t' || Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator)
            {
                text.Append(' ');
            }
            else if (!IsInvisible(rune))
            {
                text.Append(rune.ToString());
            }
        }

        return text.ToString();
    }

    /// <summary>Controls, bidi embeddings, overrides, isolates and marks, the BOM, and lone surrogates (read as U+FFFD).</summary>
    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control
        || rune.Value is 0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0xFEFF or 0xFFFD;

    private static string Collapse(string line)
    {
        var text = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c != ' ' || (text.Length > 0 && text[^1] != ' '))
            {
                text.Append(c);
            }
        }

        return text.ToString().Trim();
    }
}
