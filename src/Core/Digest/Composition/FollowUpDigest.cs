using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Places;

namespace Grastorp.Intake.Core.Digest.Composition;

/// <summary>
/// One municipality's "Att följa upp": tips nobody has read yet and tips older than <see cref="DigestComposer.StaleDays"/>
/// days that are not closed, in all and per promise commitment (looking back <see cref="DigestComposer.FollowUpWeeks"/>
/// weeks), and the places named in several recent tips.
/// </summary>
public sealed record FollowUpDigest(
    Municipality Municipality,
    int Unread,
    int Stale,
    IReadOnlyList<CommitmentFollowUp> Commitments,
    IReadOnlyList<RepeatedPlace> RepeatedPlaces)
{
    /// <summary>References of the tips whose resident has answered since staff last opened them ("Nytt svar"), newest first.</summary>
    public IReadOnlyList<string> NewAnswers { get; init; } = [];
}

/// <summary>A commitment's tips not yet read and its tips older than the limit not closed.</summary>
public sealed record CommitmentFollowUp(string Commitment, string Text, int Unread, int Stale);
