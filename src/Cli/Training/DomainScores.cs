using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Cli.Training;

/// <summary>F1 figures of training texts, per domain, scored as <c>evaluate</c> scores them.</summary>
internal static class DomainScores
{
    /// <summary>One theme's F1 in each domain (0 when the domain has no text of the theme).</summary>
    public static (double Police, double Resident) F1(IReadOnlyList<TrainingExample> examples, bool[] gold, bool[] predicted)
    {
        double InDomain(TrainingDomain domain)
        {
            var rows = Rows(examples, domain);
            var f1 = ThemeF1(rows.Select(i => gold[i]), rows.Select(i => predicted[i]));
            return double.IsNaN(f1) ? 0 : f1;
        }

        return (InDomain(TrainingDomain.Police), InDomain(TrainingDomain.Resident));
    }

    /// <summary>
    /// Macro-F1 in each domain over <paramref name="themes"/> plus <c>other</c>, given when none of them is predicted.
    /// Themes only a municipality's extra lexicon has are not in the model, so they are not scored here.
    /// </summary>
    public static (double Police, double Resident) MacroF1(
        IReadOnlyList<TrainingExample> examples, IReadOnlyList<string> themes, IReadOnlyDictionary<string, bool[]> predicted)
    {
        double InDomain(TrainingDomain domain)
        {
            var rows = Rows(examples, domain);
            return themes
                .Select(theme => ThemeF1(rows.Select(i => examples[i].Tip.Themes.Contains(theme)), rows.Select(i => predicted[theme][i])))
                .Append(ThemeF1(rows.Select(i => examples[i].Tip.Themes.Contains(Theme.Other)), rows.Select(i => !themes.Any(t => predicted[t][i]))))
                .Where(f1 => !double.IsNaN(f1))
                .DefaultIfEmpty(0)
                .Average();
        }

        return (InDomain(TrainingDomain.Police), InDomain(TrainingDomain.Resident));
    }

    /// <summary>
    /// Report lines: per domain present, each theme's out-of-fold F1 and <c>other</c>'s (given when no theme is), as
    /// <c>evaluate</c> scores a file.
    /// </summary>
    public static IEnumerable<string> PerTheme(
        IReadOnlyList<TrainingExample> examples, IReadOnlyList<string> themes, IReadOnlyDictionary<string, bool[]> predicted)
    {
        foreach (var domain in Enum.GetValues<TrainingDomain>())
        {
            var rows = Rows(examples, domain);
            if (rows.Length == 0)
            {
                continue;
            }

            var figures = themes
                .Select(theme => (theme, f1: ThemeF1(rows.Select(i => examples[i].Tip.Themes.Contains(theme)), rows.Select(i => predicted[theme][i]))))
                .Append((theme: Theme.Other, f1: ThemeF1(rows.Select(i => examples[i].Tip.Themes.Contains(Theme.Other)), rows.Select(i => !themes.Any(t => predicted[t][i])))))
                .ToList();
            var macro = figures.Where(f => !double.IsNaN(f.f1)).Select(f => f.f1).DefaultIfEmpty(0).Average();
            yield return FormattableString.Invariant(
                $"out-of-fold {domain.ToString().ToLowerInvariant()} ({rows.Length} texts): macro-F1 {macro:0.000}; {string.Join(", ", figures.Select(f => FormattableString.Invariant($"{f.theme} {f.f1:0.000}")))}");
        }
    }

    private static int[] Rows(IReadOnlyList<TrainingExample> examples, TrainingDomain domain) =>
        [.. Enumerable.Range(0, examples.Count).Where(i => examples[i].Domain == domain)];

    /// <summary>F1 of one theme, or NaN when the gold labels never have it (as <c>evaluate</c> leaves such a theme out).</summary>
    private static double ThemeF1(IEnumerable<bool> gold, IEnumerable<bool> predicted)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (g, p) in gold.Zip(predicted))
        {
            tp += g && p ? 1 : 0;
            fp += !g && p ? 1 : 0;
            fn += g && !p ? 1 : 0;
        }

        return tp + fn == 0 ? double.NaN : 2.0 * tp / ((2.0 * tp) + fp + fn);
    }
}
