namespace Grastorp.Intake.Core.Digest.Settings;

/// <summary>Section <c>Site</c>: where the app's pages are, so an e-mail's links are absolute.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>The app setting Azure App Service and Functions set to the app's default host name.</summary>
    public const string AzureHostNameSetting = "WEBSITE_HOSTNAME";

    /// <summary><c>Site:BaseUrl</c>, e.g. <c>https://tips.grastorp.se</c>; on Azure, without it, <c>https://</c> + <see cref="AzureHostNameSetting"/>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>An absolute link to a path of the site, whatever the base URL ends with.</summary>
    public Uri Link(string pathAndQuery) =>
        new(new Uri(BaseUrl!.AbsoluteUri.TrimEnd('/') + "/"), pathAndQuery.TrimStart('/'));
}
