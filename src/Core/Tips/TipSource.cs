namespace Grastorp.Intake.Core.Tips;

/// <summary>
/// "Hur vet du det här?" (issue #32): how the resident knows what they tell, the first thing an officer weighs.
/// Optional; shown to staff on the tip page and in the digest, counted nowhere public.
/// </summary>
public static class TipSource
{
    /// <summary>Jag såg eller hörde det själv.</summary>
    public const string Self = "self";

    /// <summary>Någon berättade det för mig.</summary>
    public const string Told = "told";

    /// <summary>Jag läste det på nätet.</summary>
    public const string Online = "online";

    public static IReadOnlyList<string> All { get; } = [Self, Told, Online];

    /// <summary>A known answer as stored, or null for none; any other value is not an answer the form offers.</summary>
    public static bool TryParse(string? value, out string? source)
    {
        source = string.IsNullOrWhiteSpace(value) ? null : All.FirstOrDefault(s => string.Equals(s, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return string.IsNullOrWhiteSpace(value) || source is not null;
    }
}
