namespace Grastorp.Intake.Classification;

/// <summary>
/// A learned <c>other</c> class: a logistic regression for "about none of the themes" over the same features (every
/// theme's lexicon evidence included), and how the decision rule weighs it against the themes (see
/// <see cref="DecisionRule.DecideAll"/>). Optional: without it, <c>other</c> is simply what no theme passed.
/// </summary>
public sealed record ThemeModelOther
{
    public double Bias { get; init; }

    /// <summary>
    /// A theme passes only when its probability plus this is at least <c>other</c>'s (1: the <c>other</c> model never
    /// vetoes a theme).
    /// </summary>
    public double Margin { get; init; } = 1;

    /// <summary>
    /// When no theme passes and <c>other</c>'s probability is below this, the likeliest theme is given if its
    /// probability reaches its veto (0: never).
    /// </summary>
    public double Rescue { get; init; }

    /// <summary>Feature name → weight; features not listed weigh 0.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double>();
}
