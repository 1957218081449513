using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core;

/// <summary>
/// Configuration section <c>Site</c>: where the app's pages are (so an e-mail's or a feed's links are absolute) and
/// who stands behind them (the privacy page and the accessibility statement name them, so they change with
/// configuration, not with code). One class for the section: the digest validates the address where it is registered,
/// the pages validate the rest where they are registered.
/// </summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>The app setting Azure App Service and Functions set to the app's default host name.</summary>
    public const string AzureHostNameSetting = "WEBSITE_HOSTNAME";

    /// <summary><c>Site:BaseUrl</c>, e.g. <c>https://tips.grastorp.se</c>; on Azure, without it, <c>https://</c> + <see cref="AzureHostNameSetting"/>.</summary>
    public Uri? BaseUrl { get; set; }

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

    /// <summary>An absolute link to a path of the site, whatever the base URL ends with.</summary>
    public Uri Link(string pathAndQuery) =>
        new(new Uri(BaseUrl!.AbsoluteUri.TrimEnd('/') + "/"), pathAndQuery.TrimStart('/'));
}
