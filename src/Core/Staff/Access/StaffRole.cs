namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>
/// The app roles of the staff area. What each may do is <see cref="StaffAccessRules"/>'s table; the Entra app role
/// values are <c>Kommunpolis</c>, <c>Granskare</c> and one <c>Kommun.&lt;Kommun&gt;</c> per municipality
/// (<see cref="StaffRoleClaims"/>).
/// </summary>
public enum StaffRole
{
    /// <summary>Municipality staff: their own municipalities' counts, dashboard and CSV, and actions on their own promises.</summary>
    Kommun,

    /// <summary>The municipal police officer: all three municipalities' figures and actions, and reading, correcting and answering tips.</summary>
    Kommunpolis,

    /// <summary>The auditor: reads tips and the audit log (who viewed or corrected which tip), changes nothing.</summary>
    Granskare,
}
