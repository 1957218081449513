namespace Grastorp.Intake.Core.Abuse;

/// <summary>
/// Where the browser says a request comes from (<c>Origin</c>, <c>Sec-Fetch-Site</c>) and the request's own <c>Host</c>.
/// The one place the same-origin rule is written: the tip form's post (<see cref="CrossSiteFormPolicy"/>), the form's
/// check while writing, and every staff change (against CSRF) all ask it here.
/// </summary>
public sealed record RequestSource(string? Origin, string? FetchSite, string? Host)
{
    /// <summary>
    /// Sent by this site's own pages. The browser's <c>Sec-Fetch-Site</c> decides when present: no page can forge it,
    /// and it holds behind a proxy that rewrites the Host header. A browser too old to send it must send an
    /// <c>Origin</c> naming this host. A request with neither header (curl, a script) is not same-origin.
    /// </summary>
    public bool IsSameOrigin => !string.IsNullOrEmpty(FetchSite)
        ? string.Equals(FetchSite, "same-origin", StringComparison.OrdinalIgnoreCase)
        : !string.IsNullOrEmpty(Origin) && !string.IsNullOrEmpty(Host)
            && Uri.TryCreate(Origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>The person typed the address or opened a bookmark or a mail's link (<c>Sec-Fetch-Site: none</c>): no other page sent it.</summary>
    public bool IsThePersonsOwn => string.Equals(FetchSite, "none", StringComparison.OrdinalIgnoreCase);

    /// <summary>This site's own page or the person's own typing, bookmark or mail link: no other site made the request.</summary>
    public bool IsOwnNavigation => IsSameOrigin || IsThePersonsOwn;

    /// <summary>Neither header: curl or a script, not a browser that another site's page could be making post.</summary>
    public bool IsNotABrowser => string.IsNullOrEmpty(FetchSite) && string.IsNullOrEmpty(Origin);
}
