using System.Buffers;

namespace Grastorp.Intake.Core.Privacy;

/// <summary>
/// The stretches of a text worth matching: around its digits (every kind but e-mail holds one) and around "@" or
/// "(at)". Most of a tip is words, so the patterns run on a fraction of it. A window starts and ends at white space
/// with no digit or "+" beside it, so a pattern's look-arounds see the same at a window's edge as in the whole text.
/// </summary>
internal static class CandidateWindows
{
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> AtSigns = SearchValues.Create("@[(");

    /// <summary>Merged windows around digit runs: <paramref name="before"/> characters before (a street name) and 40 after.</summary>
    public static List<Range> AroundDigits(string text, int before) => Around(text, Digits, before, after: 40, static (_, _) => true);

    /// <summary>Merged windows around an "@", "(at)" or "[at]": an address is at most a few hundred characters.</summary>
    public static List<Range> AroundAtSigns(string text) => Around(text, AtSigns, before: 100, after: 260, IsAtSign);

    private static bool IsAtSign(string text, int at) =>
        text[at] == '@' || (at + 3 < text.Length && text[at + 1] is 'a' or 'A' && text[at + 2] is 't' or 'T' && text[at + 3] is ')' or ']');

    private static List<Range> Around(string text, SearchValues<char> anchors, int before, int after, Func<string, int, bool> isAnchor)
    {
        var windows = new List<Range>();
        var from = 0;
        while (from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAny(anchors);
            if (found < 0)
            {
                break;
            }

            var anchor = from + found;
            if (!isAnchor(text, anchor))
            {
                from = anchor + 1;
                continue;
            }

            var anchorEnd = anchor;
            while (anchorEnd < text.Length && anchors.Contains(text[anchorEnd]))
            {
                anchorEnd++;
            }

            var start = StartAtSpace(text, anchor - before);
            var end = EndAtSpace(text, anchorEnd + after);
            if (windows.Count > 0 && start <= windows[^1].End.Value)
            {
                windows[^1] = new Range(windows[^1].Start, end);
            }
            else
            {
                windows.Add(new Range(start, end));
            }

            // The next anchor may lie inside this window and still widen it.
            from = anchorEnd;
        }

        return windows;
    }

    private static int StartAtSpace(string text, int start)
    {
        start = Math.Max(0, start);
        while (start > 0 && !(char.IsWhiteSpace(text[start - 1]) && (start < 2 || !IsDigitOrPlus(text[start - 2]))))
        {
            start--;
        }

        return start;
    }

    private static int EndAtSpace(string text, int end)
    {
        end = Math.Min(text.Length, end);
        while (end < text.Length && !(char.IsWhiteSpace(text[end]) && (end + 1 >= text.Length || !IsDigitOrPlus(text[end + 1]))))
        {
            end++;
        }

        return end;
    }

    private static bool IsDigitOrPlus(char c) => char.IsAsciiDigit(c) || c == '+';
}
