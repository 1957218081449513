namespace Grastorp.Intake.Classification;

/// <summary>One theme's logistic regression and decision rule.</summary>
public sealed record ThemeModelTheme
{
    public string Id { get; init; } = "";

    public double Bias { get; init; }

    /// <summary>
    /// The theme applies when the model's probability is at least this, whatever the lexicon says.
    /// </summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>
    /// A theme the lexicon finds still needs at least this probability (0: the lexicon alone decides). Negated words and
    /// away phrases take no part in either score.
    /// </summary>
    public double Veto { get; init; }

    /// <summary>Feature name → weight; features not listed weigh 0.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double>();
}
