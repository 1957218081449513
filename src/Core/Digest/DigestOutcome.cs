namespace Grastorp.Intake.Core.Digest;

/// <summary>What one timer firing did for one recipient list.</summary>
public enum DigestOutcome
{
    /// <summary>Before Monday's due time in Sweden: nothing to do yet.</summary>
    NotDue,

    Sent,

    /// <summary>This week's digest for the list went out earlier (a second firing or instance).</summary>
    AlreadySent,

    /// <summary>Another instance claimed it moments ago and is sending it.</summary>
    InProgress,
}
