using Grastorp.Intake.Classification;

namespace Grastorp.Intake.Cli.Training;

/// <summary>What a run produced: the model, the report lines (how the decision rule scored out of fold) and, per theme, the out-of-fold decision for each training text.</summary>
internal sealed record TrainingResult(ThemeModel Model, IReadOnlyList<string> Report, IReadOnlyDictionary<string, bool[]> OutOfFold)
{
    /// <summary>With a learned <c>other</c>: each training text's out-of-fold probability of it (for the text layer's rule).</summary>
    public IReadOnlyList<double>? OtherOutOfFold { get; init; }
}
