using System.Text;
using System.Text.Json;
using Grastorp.Intake.Core.Staff.Access;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Tests.Staff;

public sealed class StaffGuardTests
{
    private static StaffGuard Guard(bool platformAuth) => new(Options.Create(new StaffAuthOptions { PlatformAuthEnabled = platformAuth }));

    private static string Principal(string name, params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        claims = new[] { new { typ = "name", val = name } }.Concat(roles.Select(r => new { typ = "roles", val = r })),
    })));

    [Fact]
    public void A_principal_header_is_ignored_unless_the_platform_says_authentication_is_on()
    {
        var forged = Principal("Mallory", "Kommunpolis");

        Assert.Equal(StaffAccess.Verdict.SignInRequired, Guard(platformAuth: false).Check(StaffArea.TipList, forged).Result);
        Assert.Equal(StaffAccess.Verdict.Allowed, Guard(platformAuth: true).Check(StaffArea.TipList, forged).Result);
    }

    [Fact]
    public void Without_a_principal_every_area_asks_for_sign_in()
    {
        foreach (var area in Enum.GetValues<StaffArea>())
        {
            Assert.Equal(StaffAccess.Verdict.SignInRequired, Guard(true).Check(area, null).Result);
            Assert.Equal(StaffAccess.Verdict.SignInRequired, Guard(true).Check(area, "not base64 at all").Result);
            Assert.Equal(StaffAccess.Verdict.SignInRequired, Guard(true).Check(area, Convert.ToBase64String("{\"claims\":42}"u8)).Result);
        }
    }

    [Theory]
    [InlineData("Kommun", StaffArea.Dashboard, StaffAccess.Verdict.Allowed)]
    [InlineData("Kommun", StaffArea.StatsExport, StaffAccess.Verdict.Allowed)]
    [InlineData("Kommun", StaffArea.TipList, StaffAccess.Verdict.Forbidden)]
    [InlineData("Kommun", StaffArea.TipCorrection, StaffAccess.Verdict.Forbidden)]
    [InlineData("Kommun", StaffArea.AuditLog, StaffAccess.Verdict.Forbidden)]
    [InlineData("Kommunpolis", StaffArea.Dashboard, StaffAccess.Verdict.Allowed)]
    [InlineData("Kommunpolis", StaffArea.TipList, StaffAccess.Verdict.Allowed)]
    [InlineData("Kommunpolis", StaffArea.TipCorrection, StaffAccess.Verdict.Allowed)]
    [InlineData("Kommunpolis", StaffArea.AuditLog, StaffAccess.Verdict.Forbidden)]
    [InlineData("Granskare", StaffArea.AuditLog, StaffAccess.Verdict.Allowed)]
    [InlineData("Granskare", StaffArea.Dashboard, StaffAccess.Verdict.Forbidden)]
    [InlineData("kommunpolis", StaffArea.Dashboard, StaffAccess.Verdict.Forbidden)]
    public void Each_area_needs_its_role_and_Kommunpolis_has_Kommuns_rights(string role, StaffArea area, StaffAccess.Verdict expected)
    {
        var access = Guard(true).Check(area, Principal("Eva", role));

        Assert.Equal(expected, access.Result);
        Assert.Equal("Eva", access.Principal?.Name);
        Assert.Equal(StaffAccessRules.RoleFor(area), access.Needed);
    }

    [Fact]
    public void Sign_in_returns_only_to_a_path_on_this_site()
    {
        var guard = Guard(true);

        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fpersonal%2Ftips%3Fvecka%3D2026-W48", guard.SignInUrl("/personal/tips?vecka=2026-W48"));
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fpersonal%2Fstatistik", guard.SignInUrl("//evil.example/x"));
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fpersonal%2Fstatistik", guard.SignInUrl("https://evil.example/"));
    }
}
