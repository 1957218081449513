using Grastorp.Intake.Cli.Evaluation;

namespace Grastorp.Intake.Cli.Training;

/// <summary>One training text with the features the lexicon classifier's analysis gives it.</summary>
internal sealed record TrainingExample(LabelledTip Tip, TrainingDomain Domain, IReadOnlyDictionary<string, double> Features);
