using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Abuse;

/// <summary>
/// A plain HTML form post crosses sites without a CORS preflight, so any page could make its visitors send tips.
/// A post from another site is refused unless that site is configured (<see cref="FormOriginOptions"/>). Clients that
/// send neither header (curl, scripts) are not browsers being abused, and a form the person opened themselves is theirs.
/// </summary>
public sealed class CrossSiteFormPolicy(IOptions<FormOriginOptions> options)
{
    private readonly HashSet<string> _allowed = new(options.Value.Allowed.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);

    public bool Allows(RequestSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return (!string.IsNullOrEmpty(source.Origin) && _allowed.Contains(source.Origin.TrimEnd('/')))
            || source.IsNotABrowser || source.IsOwnNavigation;
    }
}
