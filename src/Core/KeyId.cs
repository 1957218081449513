namespace Grastorp.Intake.Core;

/// <summary>
/// The rule for ids that end up in table keys and URLs (themes, municipalities, recipient lists): lower-case ASCII
/// letters, digits and underscores, at most 32 characters, so no key or path ever needs escaping.
/// </summary>
public static class KeyId
{
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 32 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
