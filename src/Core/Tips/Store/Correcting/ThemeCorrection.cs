namespace Grastorp.Intake.Core.Tips.Store.Correcting;

/// <summary>
/// A person's correction of a tip's themes. <paramref name="RequestKey"/> comes with the form (a fresh one per form
/// shown), so the same submission sent twice is applied once.
/// </summary>
public sealed record ThemeCorrection(string Reference, IReadOnlyList<string> Themes, string RequestKey, string CorrectedBy)
{
    /// <summary>
    /// The promise commitments a tip with the corrected themes concerns, given those themes and the terms the classifier
    /// matched under the themes that stay (a term under a theme taken away no longer explains a link). Null leaves the
    /// links as they are. The store calls it inside its transaction loop, so it must not do I/O.
    /// </summary>
    public Func<IReadOnlyList<string>, IReadOnlyList<string>, IReadOnlyList<string>>? Relink { get; init; }
}
