namespace Grastorp.Intake.Core.Promises;

/// <summary>
/// One commitment of a promise: who promised it, its Swedish text, and what links a tip to it, by the tip's themes
/// or by the terms the classifier matched (so the link is explained by the same words). A commitment with neither
/// (a year-wheel, youth activities) is followed up by staff actions only.
/// </summary>
/// <param name="Key">Unique across promises: <c>{promise id}.{commitment id}</c>; what a tip row and counters store.</param>
public sealed record Commitment(
    string Key,
    string Id,
    string PromisedBy,
    string Text,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Terms)
{
    public bool LinksTips => Themes.Count > 0 || Terms.Count > 0;
}
