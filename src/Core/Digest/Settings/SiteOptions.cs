using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Digest.Settings;

/// <summary>Section <c>Site</c>: where the app's pages are, so an e-mail's links are absolute.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary><c>Site:BaseUrl</c>, e.g. <c>https://tips.grastorp.se</c>.</summary>
    [Required(ErrorMessage = "Site:BaseUrl is required: the address of the app's pages, used for links in the digest.")]
    public Uri? BaseUrl { get; set; }

    /// <summary>An absolute link to a path of the site, whatever the base URL ends with.</summary>
    public Uri Link(string pathAndQuery) =>
        new(new Uri(BaseUrl!.AbsoluteUri.TrimEnd('/') + "/"), pathAndQuery.TrimStart('/'));
}
