namespace Grastorp.Intake.Core.Counting.Correcting;

/// <summary>
/// A person's correction of a tip's themes. <paramref name="RequestKey"/> comes with the form (a fresh one per form
/// shown), so the same submission sent twice is applied once.
/// </summary>
public sealed record ThemeCorrection(string Reference, IReadOnlyList<string> Themes, string RequestKey, string CorrectedBy);
