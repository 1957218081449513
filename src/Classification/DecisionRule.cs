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
    /// With a learned <c>other</c> model (<see cref="ThemeModelOther"/>): a theme that <see cref="Decide"/> lets pass
    /// still has to come within <paramref name="margin"/> of the probability that the tip is about none of the themes
    /// (so "the street lights are out on the road" is not traffic because it names a road).
    /// </summary>
    public static bool BeatsOther(double probability, double otherProbability, double margin) =>
        probability + margin >= otherProbability;

    /// <summary>
    /// With a learned <c>other</c> model: when no theme passed, but the model is this sure (below
    /// <paramref name="rescue"/>) that the tip is not <c>other</c>, the likeliest theme is given (0: never), if its
    /// probability reaches its <paramref name="veto"/>: a theme no lexicon hit could have kept is not given by
    /// elimination ("the yard is dark since the lamps broke" is not traffic at p 0.10 because it is not <c>other</c>
    /// either).
    /// </summary>
    public static bool Rescues(double otherProbability, double rescue, double probability, double veto) =>
        otherProbability < rescue && probability >= veto;

    /// <summary>
    /// The whole decision for one tip, shared by the classifier and the <c>train</c> command that tunes it.
    /// A theme with no model probability (NaN: a theme only an extra lexicon has) is decided by its lexicon alone.
    /// </summary>
    /// <param name="lexicon">Per theme, whether the lexicon finds it.</param>
    /// <param name="probability">Per theme, the model's probability (NaN: no model for it).</param>
    /// <param name="threshold">Per theme, see <see cref="Decide"/>.</param>
    /// <param name="veto">Per theme, see <see cref="Decide"/>.</param>
    /// <param name="other">The learned <c>other</c> rule and its probability for this tip, or null for none.</param>
    /// <param name="decided">Per theme, whether it applies.</param>
    public static void DecideAll(
        ReadOnlySpan<bool> lexicon,
        ReadOnlySpan<double> probability,
        ReadOnlySpan<double> threshold,
        ReadOnlySpan<double> veto,
        (double Probability, double Margin, double Rescue)? other,
        Span<bool> decided)
    {
        var any = false;
        var likeliest = -1;
        for (var t = 0; t < decided.Length; t++)
        {
            if (double.IsNaN(probability[t]))
            {
                decided[t] = lexicon[t];
                any |= decided[t];
                continue;
            }

            decided[t] = Decide(lexicon[t], probability[t], threshold[t], veto[t])
                && (other is not { } o || BeatsOther(probability[t], o.Probability, o.Margin));
            any |= decided[t];
            if (likeliest < 0 || probability[t] > probability[likeliest])
            {
                likeliest = t;
            }
        }

        if (!any && likeliest >= 0 && other is { } rule && Rescues(rule.Probability, rule.Rescue, probability[likeliest], veto[likeliest]))
        {
            decided[likeliest] = true;
        }
    }

    /// <summary>
    /// The text layer's say (<see cref="ThemeModelText"/>), after <see cref="DecideAll"/>: a theme the first layer's model
    /// gave without a lexicon hit is dropped when the text layer's probability for it is below <paramref name="keep"/>
    /// (a lexicon hit stands: the lexicons are the municipality's own words, and a term staff add must keep working),
    /// and a theme not given is added from <paramref name="add"/>. When that leaves no theme, the text layer's likeliest
    /// theme (but one it has just dropped) is given if it is likelier than <c>other</c> (<paramref name="otherText"/>;
    /// NaN: never) and the first layer is not sure of <c>other</c> either (<paramref name="firstOther"/> below one half):
    /// the peer's "likeliest class" step, worth 0.01–0.03 on unseen tips, without giving by elimination a theme both
    /// layers think unlikely ("Gatlampan vid cykelvägen är trasig." is no traffic). A theme without a text probability
    /// (NaN) stays as decided.
    /// </summary>
    /// <param name="lexicon">Per theme, whether the lexicon finds it.</param>
    /// <param name="text">Per theme, the text layer's probability (NaN: no column for it).</param>
    /// <param name="otherText">The text layer's probability that the tip is about none of the themes, or NaN.</param>
    /// <param name="firstOther">The first layer's learned <c>other</c> probability, or NaN without one.</param>
    /// <param name="keep">See <see cref="ThemeModelText.Keep"/>.</param>
    /// <param name="add">See <see cref="ThemeModelText.Add"/>.</param>
    /// <param name="decided">Per theme, whether it applies: updated.</param>
    /// <param name="added">Per theme, set to whether the text layer added it.</param>
    public static void ApplyText(
        ReadOnlySpan<bool> lexicon, ReadOnlySpan<double> text, double otherText, double firstOther, double keep, double add, Span<bool> decided, Span<bool> added)
    {
        var any = false;
        var likeliest = -1;
        for (var t = 0; t < decided.Length; t++)
        {
            added[t] = false;
            if (double.IsNaN(text[t]))
            {
                any |= decided[t];
                continue;
            }

            if (decided[t] && !lexicon[t] && text[t] < keep)
            {
                decided[t] = false;
                continue;
            }
            else if (!decided[t] && text[t] >= add)
            {
                decided[t] = added[t] = true;
            }

            any |= decided[t];
            if (likeliest < 0 || text[t] > text[likeliest])
            {
                likeliest = t;
            }
        }

        if (!any && likeliest >= 0 && text[likeliest] > otherText && !(firstOther >= 0.5))
        {
            decided[likeliest] = added[likeliest] = true;
        }
    }

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
