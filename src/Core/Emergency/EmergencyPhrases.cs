using System.Text.Json;

namespace Grastorp.Intake.Core.Emergency;

/// <summary>
/// The emergency phrase file (<c>Emergency/emergency.json</c>, embedded in Core): phrases that
/// signal something happening now, and the negation, past and now words that qualify them. Each entry is a list of
/// lower-case words.
/// </summary>
public sealed record EmergencyPhrases(
    IReadOnlyList<IReadOnlyList<string>> Phrases,
    IReadOnlySet<string> Negations,
    IReadOnlyList<IReadOnlyList<string>> Past,
    IReadOnlyList<IReadOnlyList<string>> Now)
{
    private const string ResourceName = "Grastorp.Intake.Core.Emergency.emergency.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The built-in file, validated: every list present and no entry empty.</summary>
    public static EmergencyPhrases LoadBuiltIn()
    {
        using var stream = typeof(EmergencyPhrases).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The embedded resource {ResourceName} is missing.");
        return Parse(stream);
    }

    /// <summary>Reads and validates a phrase file; errors name the list at fault.</summary>
    public static EmergencyPhrases Parse(Stream json)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The emergency phrase file is not valid JSON (line {ex.LineNumber}).", ex);
        }

        return new EmergencyPhrases(
            Words(document?.Phrases, "phrases"),
            Words(document?.Negations, "negations").Select(w => w.Count == 1 ? w[0] : throw Invalid("negations", "one word each")).ToHashSet(StringComparer.Ordinal),
            Words(document?.Past, "past"),
            Words(document?.Now, "now"));
    }

    private static List<IReadOnlyList<string>> Words(IReadOnlyList<string>? entries, string list)
    {
        if (entries is not { Count: > 0 })
        {
            throw Invalid(list, "a non-empty list");
        }

        return [.. entries.Select(entry =>
        {
            IReadOnlyList<string> words = [.. EmergencyText.Words(entry ?? string.Empty).Select(w => w.Text)];
            return words.Count > 0 ? words : throw Invalid(list, "no empty entries");
        })];
    }

    private static InvalidDataException Invalid(string list, string needs) => new($"The emergency phrase file's \"{list}\" needs {needs}.");

    private sealed record Document(IReadOnlyList<string>? Phrases, IReadOnlyList<string>? Negations, IReadOnlyList<string>? Past, IReadOnlyList<string>? Now);
}
