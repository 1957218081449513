namespace Grastorp.Intake.Core.Abuse;

/// <summary>
/// Requests only the site's own pages may make: the form's script checking what a resident writes. Browsers send
/// <c>Sec-Fetch-Site</c> and <c>Origin</c> on a script's POST, so a request without them is not the form's script,
/// and another site's page cannot use the check as a free personal-data detector on its visitors' text.
/// </summary>
public static class SameOrigin
{
    /// <param name="origin">The Origin header.</param>
    /// <param name="fetchSite">The Sec-Fetch-Site header.</param>
    /// <param name="host">The request's own Host header, to compare the Origin with.</param>
    public static bool Holds(string? origin, string? fetchSite, string? host)
    {
        // The browser's own word, which no page can forge; it holds behind a proxy that rewrites the Host header too.
        if (!string.IsNullOrEmpty(fetchSite))
        {
            return fetchSite == "same-origin";
        }

        // Older browsers send only the Origin: it must name this host.
        return !string.IsNullOrEmpty(origin)
            && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase);
    }
}
