namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>
/// The one table of what each role may do (docs/ROLES.md says the same in words, and the Entra app role descriptions
/// in infra and README follow it). A route names its area; nothing else decides access.
/// <list type="table">
/// <item><term>Kommun</term><description>its own municipalities' figures (dashboard, CSV) and actions on its own municipalities' promises; never a tip's text.</description></item>
/// <item><term>Kommunpolis</term><description>all three municipalities: figures, actions, and reading, correcting and answering tips.</description></item>
/// <item><term>Granskare</term><description>reads tips and the audit log (who saw or corrected what) without changing anything.</description></item>
/// </list>
/// </summary>
public static class StaffAccessRules
{
    // The first role of each row is the one a refusal names ("you need Kommunpolis").
    private static readonly Dictionary<StaffArea, StaffRole[]> Allowed = new()
    {
        [StaffArea.Dashboard] = [StaffRole.Kommun, StaffRole.Kommunpolis],
        [StaffArea.StatsExport] = [StaffRole.Kommun, StaffRole.Kommunpolis],
        [StaffArea.TipList] = [StaffRole.Kommunpolis, StaffRole.Granskare],
        [StaffArea.TipCorrection] = [StaffRole.Kommunpolis],
        [StaffArea.TipProgress] = [StaffRole.Kommunpolis],
        [StaffArea.AuditLog] = [StaffRole.Granskare],
        [StaffArea.FollowUpActions] = [StaffRole.Kommun, StaffRole.Kommunpolis],
    };

    /// <summary>The roles that may enter <paramref name="area"/>.</summary>
    public static IReadOnlyList<StaffRole> RolesFor(StaffArea area) => Allowed[area];

    /// <summary>The role a refusal names: the narrowest that opens <paramref name="area"/>.</summary>
    public static StaffRole RoleFor(StaffArea area) => Allowed[area][0];

    /// <summary>Whether holding <paramref name="role"/> opens <paramref name="area"/>.</summary>
    public static bool Allows(StaffRole role, StaffArea area) => Array.IndexOf(Allowed[area], role) >= 0;

    /// <summary>
    /// Whether <paramref name="role"/> covers every municipality. Only <see cref="StaffRole.Kommun"/> is limited, to
    /// the municipalities its app roles name (<c>Kommun.Vara</c>); the kommunpolis serves all three, and the
    /// auditor reviews all three.
    /// </summary>
    public static bool CoversAllMunicipalities(StaffRole role) => role != StaffRole.Kommun;
}
