namespace Grastorp.Intake.Core.Staff.Audit;

/// <summary>What a member of staff did with a tip.</summary>
public enum AuditAction
{
    /// <summary>Was shown the tip's text.</summary>
    Viewed,

    /// <summary>Changed the tip's themes.</summary>
    Corrected,

    /// <summary>Moved the tip to another stage (read, forwarded, closed).</summary>
    Moved,

    /// <summary>Gave the tip a public reply (its length is logged, not its words).</summary>
    Replied,

    /// <summary>Recorded an action against a promise commitment (the reference column holds the commitment key).</summary>
    ActionRecorded,

    /// <summary>Corrected a published action (the reference column holds the commitment key).</summary>
    ActionChanged,

    /// <summary>Withdrew a published action (the reference column holds the commitment key).</summary>
    ActionWithdrawn,

    /// <summary>Wrote a message to the resident in the tip's conversation (its length is logged, not its words).</summary>
    Wrote,

    /// <summary>Opened a page of the tip list (one row per page shown; the detail says how many tips it listed).</summary>
    ListViewed,
}
