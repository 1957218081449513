using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>
/// Reads App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header: base64 of JSON
/// <c>{"auth_typ","name_typ","role_typ","claims":[{"typ","val"}]}</c>. Entra ID sends app roles as <c>roles</c> claims
/// and the display name as <c>name</c>; the header's own <c>name_typ</c>/<c>role_typ</c> are honoured too.
/// Anything unreadable is "nobody", never an error.
/// </summary>
public static class ClientPrincipal
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Longer than any real principal; a bound on what is decoded.</summary>
    private const int MaxHeaderLength = 16 * 1024;

    private static readonly string[] RoleTypes = ["roles", "role", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];
    private static readonly string[] NameTypes = ["name", "preferred_username", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"];

    public static StaffPrincipal? Read(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(header.Trim()));
            var root = document.RootElement;
            var nameType = root.TryGetProperty("name_typ", out var n) ? n.GetString() : null;
            var roleType = root.TryGetProperty("role_typ", out var r) ? r.GetString() : null;
            if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            string? name = null;
            var roles = new HashSet<StaffRole>();
            foreach (var claim in claims.EnumerateArray())
            {
                var type = claim.TryGetProperty("typ", out var t) ? t.GetString() : null;
                var value = claim.TryGetProperty("val", out var v) ? v.GetString() : null;
                if (type is null || string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                if ((type == roleType || RoleTypes.Contains(type)) && StaffRoleNames.TryParse(value, out var role))
                {
                    roles.Add(role);
                }
                else if (name is null && (type == nameType || NameTypes.Contains(type)))
                {
                    name = value.Trim();
                }
            }

            return name is null ? null : new StaffPrincipal(name.Length > 200 ? name[..200] : name, roles);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Writes a principal the way the platform does: what the DevHost's sign-in page hands on as the header.</summary>
    public static string Write(string name, StaffRole role)
    {
        var json = JsonSerializer.Serialize(new
        {
            auth_typ = "dev",
            name_typ = "name",
            role_typ = "roles",
            claims = new[] { new { typ = "name", val = name }, new { typ = "roles", val = role.ToString() } },
        });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
