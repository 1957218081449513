namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>A signed-in member of staff: the name to show and to write in the audit log, and their app roles.</summary>
public sealed record StaffPrincipal(string Name, IReadOnlySet<StaffRole> Roles)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <summary>
    /// The person's Entra object id (the <c>oid</c> claim), written in the audit log beside the name: names change
    /// and repeat, the object id does not. Empty when the platform sent none.
    /// </summary>
    public string ObjectId { get; init; } = string.Empty;

    /// <summary>The municipality ids a <see cref="StaffRole.Kommun"/> role was given for (<c>Kommun.Vara</c> gives <c>vara</c>).</summary>
    public IReadOnlySet<string> Municipalities { get; init; } = None;

    public bool May(StaffArea area) => Roles.Any(r => StaffAccessRules.Allows(r, area));

    /// <summary>Whether this person may see <paramref name="municipality"/>'s figures and act for it.</summary>
    public bool Covers(string municipality) =>
        Roles.Any(StaffAccessRules.CoversAllMunicipalities) || (Roles.Contains(StaffRole.Kommun) && Municipalities.Contains(municipality));

    /// <summary>The role shown beside the name: the widest one held.</summary>
    public StaffRole? MainRole => Roles.Count == 0 ? null : Roles.Max();
}
