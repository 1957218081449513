using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Cli.Evaluation;

/// <summary>Precision, recall and F1 of one theme.</summary>
internal sealed record ThemeScore(string Theme, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public int Support => TruePositives + FalseNegatives;

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}

/// <summary>One tip the classifier got wrong: ids and labels only, never the text.</summary>
internal sealed record Miss(string Id, IReadOnlyList<string> Gold, TipClassification Predicted);

/// <summary>
/// Multi-label scores: for each theme, a tip counts as a true positive when the theme is both predicted and in its
/// gold set, a false positive when predicted only, a false negative when gold only. Macro-F1 is the mean F1 over the
/// themes that occur in the gold labels. The confusion table compares the gold primary theme (the first label) with the
/// predicted primary theme.
/// </summary>
internal sealed class MultiLabelEvaluation
{
    private MultiLabelEvaluation(
        IReadOnlyList<ThemeScore> scores, IReadOnlyList<string> themes, int[,] confusion, int count, int exact, IReadOnlyList<Miss> misses)
    {
        Scores = scores;
        Themes = themes;
        Confusion = confusion;
        Count = count;
        ExactMatches = exact;
        Misses = misses;
    }

    public IReadOnlyList<ThemeScore> Scores { get; }

    /// <summary>Row and column order of <see cref="Confusion"/>.</summary>
    public IReadOnlyList<string> Themes { get; }

    /// <summary>[gold primary, predicted primary] counts.</summary>
    public int[,] Confusion { get; }

    public int Count { get; }

    /// <summary>Tips whose predicted theme set equals the gold set.</summary>
    public int ExactMatches { get; }

    public IReadOnlyList<Miss> Misses { get; }

    public double MacroF1 => Scores.Where(s => s.Support > 0).Select(s => s.F1).DefaultIfEmpty(0).Average();

    public static MultiLabelEvaluation Run(ITipClassifier classifier, IEnumerable<LabelledTip> tips)
    {
        var themes = classifier.Themes.ToList();
        var counts = themes.ToDictionary(t => t, _ => new int[3], StringComparer.Ordinal);
        var misses = new List<Miss>();
        var count = 0;
        var exact = 0;
        foreach (var tip in tips)
        {
            foreach (var theme in tip.Themes.Where(t => !counts.ContainsKey(t)))
            {
                themes.Add(theme);
                counts[theme] = new int[3];
            }
        }

        var confusion = new int[themes.Count, themes.Count];
        foreach (var tip in tips)
        {
            count++;
            var result = classifier.Classify(tip.Text);
            var predicted = result.Themes.Select(t => t.Theme).ToHashSet(StringComparer.Ordinal);
            var gold = tip.Themes.ToHashSet(StringComparer.Ordinal);
            foreach (var theme in themes)
            {
                var (inPredicted, inGold) = (predicted.Contains(theme), gold.Contains(theme));
                if (inPredicted && inGold)
                {
                    counts[theme][0]++;
                }
                else if (inPredicted)
                {
                    counts[theme][1]++;
                }
                else if (inGold)
                {
                    counts[theme][2]++;
                }
            }

            confusion[themes.IndexOf(tip.Themes[0]), themes.IndexOf(result.Primary)]++;
            if (predicted.SetEquals(gold))
            {
                exact++;
            }
            else
            {
                misses.Add(new Miss(tip.Id, tip.Themes, result));
            }
        }

        var scores = themes.Select(t => new ThemeScore(t, counts[t][0], counts[t][1], counts[t][2])).ToList();
        return new MultiLabelEvaluation(scores, themes, confusion, count, exact, misses);
    }
}
