using Grastorp.Intake.Classification;

namespace Grastorp.Intake.Cli.Training;

/// <summary>What a run produced: the model, the report lines (how the decision rule scored out of fold) and, per theme, the out-of-fold decision for each training text.</summary>
internal sealed record TrainingResult(ThemeModel Model, IReadOnlyList<string> Report, IReadOnlyDictionary<string, bool[]> OutOfFold);
