namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>
/// The app role values a token carries, by name only (never <c>"1"</c>, never another case): <c>Kommunpolis</c>,
/// <c>Granskare</c>, and <c>Kommun.&lt;id&gt;</c> for municipality staff, one app role per municipality
/// (<c>Kommun.Grastorp</c>, <c>Kommun.Vara</c>, <c>Kommun.Essunga</c>), so the tenant's own assignment page decides
/// which municipality a person serves. A bare <c>Kommun</c> is the role with no municipality: it opens the pages
/// but shows no municipality's figures.
/// </summary>
public static class StaffRoleClaims
{
    public const string MunicipalitySeparator = ".";

    /// <summary>The role and, for <c>Kommun.&lt;id&gt;</c>, the municipality id (lower case); false for anything else.</summary>
    public static bool TryParse(string? value, out StaffRole role, out string? municipality)
    {
        role = default;
        municipality = null;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var name = value;
        var separator = value.IndexOf(MunicipalitySeparator, StringComparison.Ordinal);
        if (separator >= 0)
        {
            name = value[..separator];
            var id = value[(separator + 1)..];
            if (name != nameof(StaffRole.Kommun) || !IsMunicipalityId(id))
            {
                return false;
            }

            municipality = id.ToLowerInvariant();
        }

        foreach (var known in Enum.GetValues<StaffRole>())
        {
            if (string.Equals(known.ToString(), name, StringComparison.Ordinal))
            {
                role = known;
                return true;
            }
        }

        municipality = null;
        return false;
    }

    /// <summary>The claim value for <paramref name="role"/>, with the municipality for Kommun: <c>Kommun.vara</c>.</summary>
    public static string Value(StaffRole role, string? municipality = null) =>
        role == StaffRole.Kommun && !string.IsNullOrEmpty(municipality) ? $"{role}{MunicipalitySeparator}{municipality}" : role.ToString();

    private static bool IsMunicipalityId(string id) => id.Length is > 0 and <= 40 && id.All(char.IsAsciiLetter);
}
