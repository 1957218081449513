using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Web.Site;

/// <summary>
/// Who stands behind the resident pages and how to reach them (configuration section <c>Site</c>): the privacy page
/// and the accessibility statement name them, so they change with configuration, not with code.
/// </summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>The municipality that is joint controller with the police, e.g. "Grästorps kommun".</summary>
    [Required(AllowEmptyStrings = false)]
    [StringLength(100)]
    public string Municipality { get; set; } = "Grästorps kommun";

    /// <summary>The police authority, joint controller.</summary>
    [Required(AllowEmptyStrings = false)]
    [StringLength(100)]
    public string Police { get; set; } = "Polismyndigheten";

    /// <summary>Where residents report accessibility problems and send requests about their data.</summary>
    [Required(AllowEmptyStrings = false)]
    [EmailAddress]
    public string ContactEmail { get; set; } = string.Empty;

    /// <summary>The data protection officer's address.</summary>
    [Required(AllowEmptyStrings = false)]
    [EmailAddress]
    public string DataProtectionOfficerEmail { get; set; } = string.Empty;

    /// <summary>
    /// How many days a tip is kept, as the receipt and the privacy page tell the resident: always
    /// <c>Retention:Days</c>, the period the retention timer applies (set at registration, never bound from <c>Site</c>).
    /// </summary>
    [Range(1, 3650)]
    public int RetentionDays { get; internal set; }
}
