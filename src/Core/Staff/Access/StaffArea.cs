namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>The parts of the staff area a route belongs to; <see cref="StaffAccessRules"/> says which role each needs.</summary>
public enum StaffArea
{
    Dashboard,
    StatsExport,
    TipList,
    TipCorrection,
    AuditLog,
    TipProgress,
    FollowUpActions,
}
