namespace Grastorp.Intake.Cli.Corrections;

/// <summary>
/// One line of the <c>export-corrections</c> file, which <c>train --corrections</c> reads: a tip whose themes staff
/// corrected, beside what the classifier said. Never a contact, a place or the tip's reference.
/// </summary>
/// <param name="Id">A stable pseudonym of the tip (not its reference, which opens the status page): one tip, one id.</param>
/// <param name="Text">The tip's text, or null once retention (or an erasure) removed it: such a line trains nothing.</param>
/// <param name="Themes">The themes after the correction: the label to learn.</param>
/// <param name="OriginalThemes">The classifier's themes before any correction.</param>
/// <param name="Week">The ISO week the tip was counted in.</param>
internal sealed record CorrectionRecord(string Id, string? Text, IReadOnlyList<string> Themes, IReadOnlyList<string> OriginalThemes, string Week);
