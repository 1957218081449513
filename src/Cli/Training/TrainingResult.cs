using Grastorp.Intake.Classification;

namespace Grastorp.Intake.Cli.Training;

/// <summary>What a run produced: the model and the report lines (how the decision rule scored out of fold).</summary>
internal sealed record TrainingResult(ThemeModel Model, IReadOnlyList<string> Report);
