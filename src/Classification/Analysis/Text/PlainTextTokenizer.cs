namespace Grastorp.Intake.Classification.Analysis.Text;

/// <summary>
/// Splits ordinary tip text into exactly the tokens (and offsets) Lucene's <c>StandardTokenizer</c> gives, without its
/// per-character state machine and attribute machinery; for any text it cannot vouch for it declines, and the caller
/// runs the real tokenizer.
/// </summary>
/// <remarks>
/// It handles only what it can decide with the Unicode word-break rules (UAX #29) in a few lines: runs of ASCII letters
/// and digits and Latin letters (U+00C0–U+024F, not × and ÷) are one token (WB5, WB8–WB10); whitespace and plain
/// punctuation separate them and are dropped. It declines when a character may join words (<c>. ' : , ;</c> and the
/// typographic apostrophes between two word characters, WB6/7, WB11/12; any <c>_</c>, WB13a/b), for any other
/// character (other scripts, combining marks, soft hyphen, emoji, …) and for tokens longer than the tokenizer's 255.
/// The equality with <c>StandardTokenizer</c> is checked by the tests on every text in tests/data and on random texts.
/// </remarks>
internal static class PlainTextTokenizer
{
    /// <summary>StandardTokenizer's default maximum token length.</summary>
    private const int MaxTokenLength = 255;

    /// <summary>Token offsets into <paramref name="text"/>, or false (tokens undefined) when the text needs the real tokenizer.</summary>
    public static bool TryTokenise(ReadOnlySpan<char> text, List<(int Start, int End)> tokens)
    {
        tokens.Clear();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (IsMidChar(c))
            {
                if (start >= 0 && i + 1 < text.Length && IsWordChar(text[i + 1]))
                {
                    return false;
                }
            }
            else if (!IsSeparator(c))
            {
                return false;
            }

            if (start >= 0)
            {
                if (!Add(tokens, start, i))
                {
                    return false;
                }

                start = -1;
            }
        }

        return start < 0 || Add(tokens, start, text.Length);
    }

    private static bool Add(List<(int Start, int End)> tokens, int start, int end)
    {
        if (end - start > MaxTokenLength)
        {
            return false;
        }

        tokens.Add((start, end));
        return true;
    }

    private static bool IsWordChar(char c) =>
        c < 0x80 ? char.IsAsciiLetterOrDigit(c) : c is >= '\u00C0' and <= '\u024F' and not '\u00D7' and not '\u00F7';

    /// <summary>MidLetter, MidNum, MidNumLet and Single_Quote characters a tip may hold: they join two word characters.</summary>
    private static bool IsMidChar(char c) => c is '.' or '\'' or ':' or ',' or ';' or '\u2018' or '\u2019';

    /// <summary>Characters that are never part of a token here (UAX #29 "Other", CR, LF, Newline).</summary>
    private static bool IsSeparator(char c) =>
        c < 0x80
            ? c != '_' && !char.IsAsciiLetterOrDigit(c)
            : c is '\u00A0' or '\u00A7' or '\u00AB' or '\u00B0' or '\u00BB' or '\u2013' or '\u2014' or '\u201C' or '\u201D' or '\u2026';
}
