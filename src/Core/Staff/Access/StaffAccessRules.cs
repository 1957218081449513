namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>The one table of which role each staff area needs. A route names its area; nothing else decides access.</summary>
public static class StaffAccessRules
{
    private static readonly Dictionary<StaffArea, StaffRole> Required = new()
    {
        [StaffArea.Dashboard] = StaffRole.Kommun,
        [StaffArea.StatsExport] = StaffRole.Kommun,
        [StaffArea.TipList] = StaffRole.Kommunpolis,
        [StaffArea.TipCorrection] = StaffRole.Kommunpolis,
        [StaffArea.AuditLog] = StaffRole.Granskare,
        [StaffArea.TipProgress] = StaffRole.Kommunpolis,
        [StaffArea.FollowUpActions] = StaffRole.Kommun,
    };

    public static StaffRole RoleFor(StaffArea area) => Required[area];

    /// <summary>Whether holding <paramref name="held"/> gives the rights of <paramref name="needed"/>: Kommunpolis includes Kommun.</summary>
    public static bool Grants(StaffRole held, StaffRole needed) => held == needed || (held == StaffRole.Kommunpolis && needed == StaffRole.Kommun);
}
