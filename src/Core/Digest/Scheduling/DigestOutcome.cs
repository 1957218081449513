namespace Grastorp.Intake.Core.Digest.Scheduling;

/// <summary>What one timer firing (or operator command) did for one week and recipient list.</summary>
public enum DigestOutcome
{
    /// <summary>Before Monday's due time in Sweden: nothing to do yet.</summary>
    NotDue,

    Sent,

    /// <summary>This week's digest for the list went out earlier (a second firing or instance).</summary>
    AlreadySent,

    /// <summary>Another instance claimed it moments ago and is sending it.</summary>
    InProgress,

    /// <summary>An operator's deliberate resend went out.</summary>
    Resent,

    /// <summary>A resend was asked for a week that was never sent; the timer sends it, not a resend.</summary>
    NeverSent,
}
