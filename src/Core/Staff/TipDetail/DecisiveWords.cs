using System.Globalization;
using Grastorp.Intake.Core.Tips.Store.Listing;

namespace Grastorp.Intake.Core.Staff.TipDetail;

/// <summary>Where in a tip's text a word that decided one of its themes stands (UTF-16 offsets, end exclusive).</summary>
public sealed record DecisiveWord(int Start, int End, string Theme)
{
    public int Length => End - Start;
}

/// <summary>A theme of the tip and the resident's own words that decided it, as they stand in the text.</summary>
public sealed record ExplainedTheme(string Theme, IReadOnlyList<string> Words);

/// <summary>
/// Finds the classifier's matched terms in the resident's text, so the officer sees why a tip got its theme in the
/// words the resident wrote. A term is looked for case-insensitively at the start of a word and marked to the end of
/// that word ("inbrott" marks "inbrotten"); a term that is not in the text is not shown at all, so a learned feature
/// (<c>~morgonen</c>) or any other internal name never reaches the page as if the resident had written it.
/// </summary>
public static class DecisiveWords
{
    private static readonly CompareInfo Swedish = CultureInfo.GetCultureInfo("sv-SE").CompareInfo;

    /// <summary>Every place a theme's term stands in the text, in text order, none overlapping (the first theme wins).</summary>
    public static IReadOnlyList<DecisiveWord> Find(string? text, IEnumerable<ListedTheme> themes)
    {
        ArgumentNullException.ThrowIfNull(themes);
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<DecisiveWord>();
        foreach (var theme in themes)
        {
            foreach (var term in theme.Matched.Select(m => m?.Trim() ?? string.Empty).Where(IsShowable).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                found.AddRange(Occurrences(text, term).Select(o => new DecisiveWord(o.Start, o.End, theme.Theme)));
            }
        }

        var kept = new List<DecisiveWord>();
        foreach (var word in found.OrderBy(w => w.Start).ThenByDescending(w => w.Length))
        {
            if (kept.Count == 0 || word.Start >= kept[^1].End)
            {
                kept.Add(word);
            }
        }

        return kept;
    }

    /// <summary>Per theme (in the tip's order), the distinct words of the text that decided it; a theme none decided has none.</summary>
    public static IReadOnlyList<ExplainedTheme> Explain(string? text, IReadOnlyList<ListedTheme> themes)
    {
        ArgumentNullException.ThrowIfNull(themes);
        return [.. themes.Select(theme => new ExplainedTheme(
            theme.Theme,
            [.. Find(text, [theme]).Select(w => text![w.Start..w.End]).Distinct(StringComparer.OrdinalIgnoreCase)]))];
    }

    /// <summary>A learned feature starts with '~'; anything without a letter or digit is no word of the resident's.</summary>
    private static bool IsShowable(string term) => term.Length > 0 && term[0] != '~' && term.Any(char.IsLetterOrDigit);

    private static IEnumerable<(int Start, int End)> Occurrences(string text, string term)
    {
        var from = 0;
        while (from < text.Length)
        {
            var found = Swedish.IndexOf(text.AsSpan(from), term, CompareOptions.IgnoreCase, out var length);
            if (found < 0)
            {
                yield break;
            }

            var at = from + found;

            if (length > 0 && (at == 0 || !char.IsLetterOrDigit(text[at - 1])))
            {
                var end = at + length;
                while (end < text.Length && char.IsLetterOrDigit(text[end]))
                {
                    end++;
                }

                yield return (at, end);
                from = end;
            }
            else
            {
                from = at + Math.Max(length, 1);
            }
        }
    }
}
