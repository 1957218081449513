namespace Grastorp.Intake.Core.Tips.Store;

/// <summary>
/// What the digest's "Att följa upp" needs of a stored tip: when it came, how far staff have taken it, the promise
/// commitments it was counted under, and its place and themes for the repeated-place check. No text, no contact.
/// </summary>
public sealed record FollowUpTip(string Reference, DateTimeOffset ReceivedAt, string Stage, IReadOnlyList<string> Commitments, string? Place, IReadOnlyList<string> Themes)
{
    /// <summary>The resident answered in the conversation and no one has opened the tip since ("Nytt svar").</summary>
    public bool NewAnswer { get; init; }
}
