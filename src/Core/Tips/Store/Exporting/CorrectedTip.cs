namespace Grastorp.Intake.Core.Tips.Store.Exporting;

/// <summary>
/// A tip whose themes staff corrected, as training data: what the classifier said and what staff set. Holds no
/// contact, place or time of observation; the text is null once retention or an erasure removed it.
/// </summary>
/// <param name="Reference">The tip's reference: the caller must not pass it on (it opens the status page).</param>
/// <param name="Week">The ISO week the tip is counted in.</param>
/// <param name="Text">What the resident wrote, or null when it is gone.</param>
/// <param name="Themes">The themes now (the last correction).</param>
/// <param name="ClassifiedThemes">The classifier's themes, before any correction.</param>
public sealed record CorrectedTip(string Reference, string Week, string? Text, IReadOnlyList<string> Themes, IReadOnlyList<string> ClassifiedThemes);
