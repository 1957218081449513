namespace Grastorp.Intake.Core.Staff.Conversation;

/// <summary>What became of the e-mail notice when the kommunpolis wrote to a tipster (issue 32).</summary>
public enum TipsterNotice
{
    /// <summary>The resident did not ask for one (or no longer has an e-mail contact, e.g. after retention): nothing sent.</summary>
    NotAsked,

    /// <summary>The mail transport took the notice.</summary>
    Sent,

    /// <summary>The transport refused it after its retries; the message is stored all the same and the officer is told.</summary>
    Failed,
}
