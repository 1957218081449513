namespace Grastorp.Intake.Core.Staff.Audit;

/// <summary>What a member of staff did with a tip.</summary>
public enum AuditAction
{
    /// <summary>Was shown the tip's text.</summary>
    Viewed,

    /// <summary>Changed the tip's themes.</summary>
    Corrected,
}
