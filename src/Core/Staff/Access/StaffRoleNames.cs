namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>
/// A role from its name as the app registration spells it, and only so: <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>
/// would also take <c>"1"</c>, <c>" Kommun"</c> or a list such as <c>"Kommun, Granskare"</c>, and a role claim or a
/// sign-in form that says a number must not grant a role.
/// </summary>
public static class StaffRoleNames
{
    public static bool TryParse(string? name, out StaffRole role)
    {
        foreach (var candidate in Enum.GetValues<StaffRole>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
