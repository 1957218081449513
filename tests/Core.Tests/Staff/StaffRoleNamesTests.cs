using System.Text;
using System.Text.Json;
using Grastorp.Intake.Core.Staff.Access;

namespace Grastorp.Intake.Core.Tests.Staff;

/// <summary>A role claim grants a role only by the role's name: never a number, a padded name or a list.</summary>
public sealed class StaffRoleNamesTests
{
    private static string Principal(string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        claims = new[] { new { typ = "name", val = "Kim" }, new { typ = "roles", val = role } },
    })));

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData(" Kommun")]
    [InlineData("kommunpolis")]
    [InlineData("Kommun, Granskare")]
    public void A_role_claim_that_is_not_a_roles_name_grants_nothing(string claim)
    {
        Assert.False(StaffRoleNames.TryParse(claim, out _));
        Assert.Empty(ClientPrincipal.Read(Principal(claim))!.Roles);
    }

    [Theory]
    [InlineData("Kommun", StaffRole.Kommun)]
    [InlineData("Kommunpolis", StaffRole.Kommunpolis)]
    [InlineData("Granskare", StaffRole.Granskare)]
    public void A_roles_name_grants_that_role(string claim, StaffRole role)
    {
        Assert.True(StaffRoleNames.TryParse(claim, out var parsed));
        Assert.Equal(role, parsed);
        Assert.Equal([role], ClientPrincipal.Read(Principal(claim))!.Roles);
    }
}
