namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>
/// The app roles of the staff area (Entra ID app roles, same names). <see cref="Kommunpolis"/> has every right
/// <see cref="Kommun"/> has; <see cref="Granskare"/> (auditor) only reads the audit log.
/// </summary>
public enum StaffRole
{
    /// <summary>Municipality staff: counts, dashboard, CSV.</summary>
    Kommun,

    /// <summary>The municipal police officer: all of Kommun's rights, plus reading and correcting tips.</summary>
    Kommunpolis,

    /// <summary>The auditor: reads who viewed or corrected which tip.</summary>
    Granskare,
}
