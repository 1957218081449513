using Grastorp.Intake.Classification.Analysis;
using Grastorp.Intake.Classification.Analysis.Text;
using Grastorp.Intake.Core;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification;

/// <summary>Checks a lexicon before it is used, so a broken municipality lexicon stops start-up instead of misfiling tips.</summary>
public static class LexiconValidator
{
    public const double MaxWeight = 10;
    public const int MaxNegationWindow = 5;

    /// <summary>Every problem in <paramref name="lexicon"/>; empty when it can be used.</summary>
    public static IReadOnlyList<string> Validate(LexiconDocument lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var problems = new List<string>();
        if (!LexiconLanguage.IsSupported(lexicon.Language))
        {
            problems.Add($"language '{lexicon.Language}' is not supported (use '{LexiconLanguage.Swedish}' or '{LexiconLanguage.English}')");
        }

        if (lexicon.NegationWindow is < 0 or > MaxNegationWindow)
        {
            problems.Add($"negationWindow must be between 0 and {MaxNegationWindow}");
        }

        if (lexicon.NegationReach is < 0 or > MaxNegationWindow)
        {
            problems.Add($"negationReach must be between 0 and {MaxNegationWindow}");
        }

        // JSON null is read as a null list or item whatever the types say: each is a problem, never a crash later.
        CheckNotNull(lexicon.Negations, "negations", problems);
        CheckNotNull(lexicon.Unstemmed, "unstemmed", problems);
        CheckNotNull(lexicon.NegationBridges, "negationBridges", problems);
        CheckWords(lexicon.Negations, "negations", problems, allowEmpty: true);
        CheckWords(lexicon.NegationBridges, "negationBridges", problems, allowEmpty: true);
        CheckWords(lexicon.Unstemmed, "unstemmed", problems, allowEmpty: true);
        if (CheckNotNull(lexicon.Cues, "cues", problems))
        {
            foreach (var (name, words) in lexicon.Cues)
            {
                CheckWords(words, $"cue '{name}'", problems, allowEmpty: false);
            }
        }

        if (!CheckNotNull(lexicon.Themes, "themes", problems))
        {
            return problems;
        }

        if (lexicon.Themes.Count == 0)
        {
            problems.Add("no themes");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lexicon.Themes.Count; i++)
        {
            if (lexicon.Themes[i] is { } theme)
            {
                ValidateTheme(theme, lexicon, seen, problems);
            }
            else
            {
                problems.Add($"themes[{i}] is null");
            }
        }

        return problems;
    }

    private static void ValidateTheme(LexiconTheme theme, LexiconDocument lexicon, HashSet<string> seen, List<string> problems)
    {
        var where = $"theme '{theme.Id}'";
        CheckThemeId(theme.Id, where, seen, problems);
        if (!(theme.Threshold > 0 && theme.Threshold <= MaxWeight))
        {
            problems.Add($"{where}: threshold must be above 0 and at most {MaxWeight}");
        }

        CheckNotNull(theme.Away, $"{where} away", problems);
        if (!CheckNotNull(theme.Terms, $"{where} terms", problems))
        {
            return;
        }

        CheckTerms(theme.Terms, lexicon.Cues, where, problems);
        CheckWords(theme.Away, $"{where} away", problems, allowEmpty: true);
    }

    private static void CheckThemeId(string id, string where, HashSet<string> seen, List<string> problems)
    {
        if (!KeyId.IsValid(id))
        {
            problems.Add($"{where}: id must be 1-32 characters a-z, 0-9 or _");
        }
        else if (id == Theme.Other)
        {
            problems.Add($"{where}: '{Theme.Other}' is given when no theme applies and cannot have words");
        }
        else if (!seen.Add(id))
        {
            problems.Add($"{where}: listed twice");
        }
    }

    private static void CheckTerms(
        IReadOnlyList<LexiconTermGroup> terms, IReadOnlyDictionary<string, IReadOnlyList<string>>? cues, string where, List<string> problems)
    {
        if (terms.Count == 0)
        {
            problems.Add($"{where}: no terms");
        }

        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i] is { } group)
            {
                CheckTermGroup(group, cues, where, listed, problems);
            }
            else
            {
                problems.Add($"{where}: terms[{i}] is null");
            }
        }
    }

    private static void CheckTermGroup(
        LexiconTermGroup group, IReadOnlyDictionary<string, IReadOnlyList<string>>? cues, string where, HashSet<string> listed, List<string> problems)
    {
        if (!(group.Weight > 0 && group.Weight <= MaxWeight))
        {
            problems.Add($"{where}: weight {group.Weight} must be above 0 and at most {MaxWeight}");
        }

        // A null cue list is already a problem of its own; naming every requires as unknown would only repeat it.
        if (group.Requires is not null && cues is not null && !cues.ContainsKey(group.Requires))
        {
            problems.Add($"{where}: requires unknown cue '{group.Requires}'");
        }

        CheckWords(group.Words, where, problems, allowEmpty: false);
        CheckTermWords(group, where, listed, problems);
    }

    private static void CheckTermWords(LexiconTermGroup group, string where, HashSet<string> listed, List<string> problems)
    {
        foreach (var word in (group.Words ?? []).Where(w => !string.IsNullOrWhiteSpace(w)))
        {
            // The same word may stand in two groups with different cues (alcohol with driving, alcohol with minors).
            if (!listed.Add($"{word.Trim()}|{group.Requires}"))
            {
                problems.Add($"{where}: '{word}' is listed twice");
            }

            if (group.Compound && !CanBeCompoundPart(word.Trim()))
            {
                problems.Add($"{where}: compound word '{word}' must be one word of at least {ThemeTextAnalyzer.MinCompoundPartLength} letters");
            }
        }
    }

    private static bool CanBeCompoundPart(string word) =>
        !word.Contains(' ', StringComparison.Ordinal) && word.Length >= ThemeTextAnalyzer.MinCompoundPartLength;

    /// <summary>Adds a problem when <paramref name="value"/> is null (JSON <c>null</c>); whether it was there.</summary>
    private static bool CheckNotNull(object? value, string where, List<string> problems)
    {
        if (value is null)
        {
            problems.Add($"{where} is null (leave it out, or give a list)");
        }

        return value is not null;
    }

    private static void CheckWords(IReadOnlyList<string>? words, string where, List<string> problems, bool allowEmpty)
    {
        if (words is null || words.Count == 0)
        {
            if (!allowEmpty)
            {
                problems.Add($"{where}: empty word list");
            }

            return;
        }

        foreach (var word in words)
        {
            if (string.IsNullOrWhiteSpace(word) || !word.Any(char.IsLetterOrDigit))
            {
                problems.Add($"{where}: a word is empty or has no letters");
            }
        }
    }
}
