using Grastorp.Intake.Classification;
using Grastorp.Intake.Cli.Evaluation;

namespace Grastorp.Intake.Cli.Training;

/// <summary>
/// One training text with the features the lexicon classifier's analysis gives it, and its text layer buckets
/// (<see cref="Classification.ThemeModelText"/>; empty without a text layer).
/// </summary>
internal sealed record TrainingExample(LabelledTip Tip, TrainingDomain Domain, IReadOnlyDictionary<string, double> Features)
{
    public IReadOnlyList<int> TextGrams { get; init; } = [];

    /// <summary>Whether the lexicon finds <paramref name="theme"/> in the text, as the app decides it (score at its threshold).</summary>
    public bool LexiconFinds(string theme) => Features.GetValueOrDefault(ThemeFeatures.Lexicon(theme)) >= 1;
}
