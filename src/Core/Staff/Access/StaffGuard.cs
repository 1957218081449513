using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>
/// What every staff function calls first: reads the platform's principal (only when the platform vouches for it)
/// and checks the role its area needs (<see cref="StaffAccessRules"/>).
/// </summary>
public sealed class StaffGuard(IOptions<StaffAuthOptions> options)
{
    public StaffAccess Check(StaffArea area, string? principalHeader)
    {
        var needed = StaffAccessRules.RoleFor(area);
        var principal = options.Value.PlatformAuthEnabled ? ClientPrincipal.Read(principalHeader) : null;
        if (principal is null)
        {
            return new StaffAccess(StaffAccess.Verdict.SignInRequired, null, needed);
        }

        return new StaffAccess(principal.May(area) ? StaffAccess.Verdict.Allowed : StaffAccess.Verdict.Forbidden, principal, needed);
    }

    /// <summary>Where to sign in and come back to <paramref name="returnPath"/> (a local path, else the dashboard).</summary>
    public string SignInUrl(string? returnPath)
    {
        var local = returnPath is { Length: > 0 } && returnPath[0] == '/' && !returnPath.StartsWith("//", StringComparison.Ordinal) && !returnPath.Contains('\\', StringComparison.Ordinal)
            ? returnPath
            : StaffPaths.Dashboard;
        return $"{options.Value.SignInPath}?post_login_redirect_uri={Uri.EscapeDataString(local)}";
    }
}
