using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Abuse;

/// <summary>
/// A plain HTML form post crosses sites without a CORS preflight, so any page could make its visitors send tips.
/// Browsers say where a post comes from (<c>Sec-Fetch-Site</c>, <c>Origin</c>); a post from another site is refused
/// unless that site is configured. Clients that send neither header (curl, scripts) are not browsers being abused.
/// </summary>
public sealed class CrossSiteFormPolicy(IOptions<FormOriginOptions> options)
{
    private readonly HashSet<string> _allowed = new(options.Value.Allowed.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);

    /// <param name="origin">The Origin header.</param>
    /// <param name="fetchSite">The Sec-Fetch-Site header.</param>
    /// <param name="host">The request's own Host header, to compare the Origin with.</param>
    public bool Allows(string? origin, string? fetchSite, string? host)
    {
        if (!string.IsNullOrEmpty(origin) && _allowed.Contains(origin.TrimEnd('/')))
        {
            return true;
        }

        if (!string.IsNullOrEmpty(fetchSite))
        {
            return fetchSite is "same-origin" or "none";
        }

        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase);
    }
}
