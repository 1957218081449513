namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>
/// Refuses state-changing staff requests that another site made a signed-in browser send (CSRF): the browser's
/// <c>Sec-Fetch-Site</c> must say <c>same-origin</c>; a browser too old to send it must send an <c>Origin</c> that is
/// this host. A request with neither is refused too: every browser in use sends one of them with a form post.
/// </summary>
public static class CrossSiteCheck
{
    public static bool IsSameOrigin(string? secFetchSite, string? origin, string? host)
    {
        if (!string.IsNullOrEmpty(secFetchSite))
        {
            return string.Equals(secFetchSite, "same-origin", StringComparison.OrdinalIgnoreCase);
        }

        return !string.IsNullOrEmpty(origin) && !string.IsNullOrEmpty(host)
            && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase);
    }
}
