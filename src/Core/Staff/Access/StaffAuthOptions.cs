using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>
/// Configuration section <c>Staff</c>, plus the platform's own <c>WEBSITE_AUTH_ENABLED</c>: App Service sets it to
/// <c>True</c> when Authentication is on, and only then does the platform strip and set <c>X-MS-CLIENT-PRINCIPAL</c>.
/// Anywhere else that header could come from anyone, so it is ignored.
/// </summary>
public sealed class StaffAuthOptions
{
    public const string SectionName = "Staff";

    public const string PlatformAuthSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>Read from <see cref="PlatformAuthSetting"/>, not from the section.</summary>
    public bool PlatformAuthEnabled { get; set; }

    /// <summary>Where a browser without sign-in is sent: Easy Auth's Entra ID login, or the DevHost's own sign-in page.</summary>
    [Required, RegularExpression("^/[A-Za-z0-9/._-]*$", ErrorMessage = "Staff:SignInPath must be a path on this site, such as /.auth/login/aad.")]
    public string SignInPath { get; set; } = "/.auth/login/aad";

    /// <summary>Easy Auth's sign-out; the DevHost's page clears its cookie at its own path.</summary>
    [Required, RegularExpression("^/[A-Za-z0-9/._-]*$", ErrorMessage = "Staff:SignOutPath must be a path on this site, such as /.auth/logout.")]
    public string SignOutPath { get; set; } = "/.auth/logout";
}
