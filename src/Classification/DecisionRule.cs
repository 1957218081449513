using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification;

/// <summary>
/// How lexicon scores and the learned layer's probabilities become a tip's themes and confidences, in one place, so the
/// classifier and the <c>train</c> command that tunes the rule cannot disagree.
/// </summary>
public static class DecisionRule
{
    /// <summary>Confidence is capped below 1: a word list is never certain.</summary>
    private const double MaxConfidence = 0.99;

    /// <summary>Half-way to certain at the threshold, three quarters at twice the threshold, and so on.</summary>
    internal static double LexiconConfidence(double score, double threshold) => Math.Min(MaxConfidence, 1 - Math.Pow(0.5, score / threshold));

    /// <summary>With a model, the stronger of the lexicon's confidence and the model's probability, still capped.</summary>
    internal static double Combined(double lexiconConfidence, double probability) => Math.Min(MaxConfidence, Math.Max(lexiconConfidence, probability));

    /// <summary>
    /// The combination rule, chosen on tuning data by the <c>train</c> command: the model alone is enough from
    /// <paramref name="threshold"/>; a lexicon hit stands unless the model is below <paramref name="veto"/>.
    /// </summary>
    public static bool Decide(bool lexicon, double probability, double threshold, double veto) =>
        probability >= threshold || (lexicon && probability >= veto);

    /// <summary>
    /// Strongest first; on a tie, the lexicon's theme order decides, so the primary theme is stable (insertion sort:
    /// stable, and there are at most a handful of themes).
    /// </summary>
    internal static void SortByConfidence(List<ThemeMatch> matches)
    {
        for (var i = 1; i < matches.Count; i++)
        {
            var match = matches[i];
            var j = i - 1;
            for (; j >= 0 && matches[j].Confidence < match.Confidence; j--)
            {
                matches[j + 1] = matches[j];
            }

            matches[j + 1] = match;
        }
    }
}
