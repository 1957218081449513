namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>A signed-in member of staff: the name to show and to write in the audit log, and their app roles.</summary>
public sealed record StaffPrincipal(string Name, IReadOnlySet<StaffRole> Roles)
{
    public bool May(StaffArea area) => Roles.Any(r => StaffAccessRules.Grants(r, StaffAccessRules.RoleFor(area)));

    /// <summary>The role shown beside the name: the widest one held.</summary>
    public StaffRole? MainRole => Roles.Count == 0 ? null : Roles.Max();
}
