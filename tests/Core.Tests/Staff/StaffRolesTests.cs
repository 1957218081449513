using System.Text;
using System.Text.Json;
using Grastorp.Intake.Core.Staff.Access;

namespace Grastorp.Intake.Core.Tests.Staff;

/// <summary>
/// The roles do what their words say (docs/ROLES.md): the table written out here as the words are, checked against
/// the one table in Core; role claims read by name only; Kommun scoped to the municipalities its roles name.
/// </summary>
public sealed class StaffRolesTests
{
    // The words of docs/ROLES.md, one line per area: the roles that open it.
    private static readonly (StaffArea Area, string Roles)[] Words =
    [
        (StaffArea.Dashboard, "Kommun Kommunpolis"),
        (StaffArea.StatsExport, "Kommun Kommunpolis"),
        (StaffArea.TipList, "Kommunpolis Granskare"),
        (StaffArea.TipCorrection, "Kommunpolis"),
        (StaffArea.TipProgress, "Kommunpolis"),
        (StaffArea.AuditLog, "Granskare"),
        (StaffArea.FollowUpActions, "Kommun Kommunpolis"),
    ];

    public static TheoryData<StaffArea, string> Table => new(Words);

    private static string Principal(params (string Type, string Value)[] claims) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        claims = new[] { new { typ = "name", val = "Eva" } }.Concat(claims.Select(c => new { typ = c.Type, val = c.Value })),
    })));

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_area_opens_to_the_roles_its_words_name_and_no_other(StaffArea area, string roles)
    {
        var expected = roles.Split(' ').Select(Enum.Parse<StaffRole>).ToHashSet();

        foreach (var role in Enum.GetValues<StaffRole>())
        {
            Assert.True(expected.Contains(role) == StaffAccessRules.Allows(role, area), $"{role} on {area}");
        }

        Assert.Equal(roles.Split(' ')[0], StaffAccessRules.RoleFor(area).ToString());
    }

    [Fact]
    public void Every_area_is_in_the_table() =>
        Assert.Equal(Enum.GetValues<StaffArea>().Order(), Words.Select(row => row.Area).Order());

    [Theory]
    [InlineData("Kommunpolis", StaffRole.Kommunpolis, null)]
    [InlineData("Granskare", StaffRole.Granskare, null)]
    [InlineData("Kommun", StaffRole.Kommun, null)]
    [InlineData("Kommun.Vara", StaffRole.Kommun, "vara")]
    [InlineData("Kommun.grastorp", StaffRole.Kommun, "grastorp")]
    public void Role_claims_are_read_by_name(string value, StaffRole role, string? municipality)
    {
        Assert.True(StaffRoleClaims.TryParse(value, out var parsed, out var scoped));
        Assert.Equal(role, parsed);
        Assert.Equal(municipality, scoped);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("kommunpolis")]
    [InlineData("Kommunpolis.Vara")]
    [InlineData("Granskare.Vara")]
    [InlineData("Kommun.")]
    [InlineData("Kommun.1")]
    [InlineData("Kommun.Vara.Essunga")]
    [InlineData(" Kommun")]
    [InlineData("")]
    public void Anything_but_a_role_name_is_no_role(string value) => Assert.False(StaffRoleClaims.TryParse(value, out _, out _));

    [Fact]
    public void Kommun_covers_only_the_municipalities_its_roles_name()
    {
        var principal = ClientPrincipal.Read(Principal(("roles", "Kommun.Vara"), ("roles", "Kommun.Essunga"), ("roles", "1")))!;

        Assert.Equal([StaffRole.Kommun], principal.Roles);
        Assert.True(principal.Covers("vara"));
        Assert.True(principal.Covers("essunga"));
        Assert.False(principal.Covers("grastorp"));
        Assert.True(principal.May(StaffArea.Dashboard));
        Assert.False(principal.May(StaffArea.TipList));
    }

    [Fact]
    public void A_bare_Kommun_role_covers_no_municipality_and_the_kommunpolis_and_auditor_cover_all()
    {
        Assert.False(ClientPrincipal.Read(Principal(("roles", "Kommun")))!.Covers("vara"));
        Assert.True(ClientPrincipal.Read(Principal(("roles", "Kommunpolis")))!.Covers("vara"));
        Assert.True(ClientPrincipal.Read(Principal(("roles", "Granskare")))!.Covers("vara"));
        Assert.False(ClientPrincipal.Read(Principal())!.Covers("vara"));
    }

    [Fact]
    public void The_object_id_is_read_beside_the_name()
    {
        var principal = ClientPrincipal.Read(Principal(("http://schemas.microsoft.com/identity/claims/objectidentifier", "6F1C2E1A-0C57-4D6B-9E55-3C5A2B8F9D10"), ("roles", "Granskare")))!;

        Assert.Equal("Eva", principal.Name);
        Assert.Equal("6f1c2e1a-0c57-4d6b-9e55-3c5a2b8f9d10", principal.ObjectId);
        Assert.Equal(string.Empty, ClientPrincipal.Read(Principal(("oid", "not a guid")))!.ObjectId);
    }

    [Fact]
    public void The_dev_sign_in_writes_one_Kommun_role_per_municipality_and_a_stable_object_id()
    {
        var written = ClientPrincipal.Read(ClientPrincipal.Write("Kim", StaffRole.Kommun, "vara", "essunga"))!;

        Assert.Equal(["essunga", "vara"], written.Municipalities.Order());
        Assert.Matches("^[0-9a-f]{8}-", written.ObjectId);
        Assert.Equal(written.ObjectId, ClientPrincipal.Read(ClientPrincipal.Write("Kim", StaffRole.Kommunpolis))!.ObjectId);
        Assert.NotEqual(written.ObjectId, ClientPrincipal.Read(ClientPrincipal.Write("Kay", StaffRole.Kommun, "vara"))!.ObjectId);
    }

    [Fact]
    public void The_table_in_docs_ROLES_md_says_what_the_code_does()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "ROLES.md")))
        {
            directory = directory.Parent;
        }

        var lines = File.ReadAllLines(Path.Combine(directory?.FullName ?? throw new FileNotFoundException("docs/ROLES.md"), "docs", "ROLES.md"));
        var header = lines.Single(l => l.StartsWith("| Area (code) |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        var rows = lines.Where(l => l.StartsWith("| `", StringComparison.Ordinal) && Enum.TryParse<StaffArea>(l.Split('`')[1], out _)).ToList();

        Assert.Equal(Enum.GetValues<StaffArea>().Order(), rows.Select(r => Enum.Parse<StaffArea>(r.Split('`')[1])).Order());
        foreach (var row in rows)
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            var area = Enum.Parse<StaffArea>(row.Split('`')[1]);
            foreach (var role in Enum.GetValues<StaffRole>())
            {
                var may = cells[Array.IndexOf(header, role.ToString())] != "–";
                Assert.True(may == StaffAccessRules.Allows(role, area), $"docs/ROLES.md says {role} {(may ? "may" : "may not")} use {area}");
            }
        }
    }
}
