using System.Text.Json;

namespace Grastorp.Intake.Core.Tips.Store.Rows;

/// <summary>The <c>Explanation</c> column of a tip row, read leniently: theme → the terms the classifier matched.</summary>
internal static class ExplanationTerms
{
    /// <summary>The matched terms from the stored explanation; an unreadable one (an older row) gives none rather than failing the digest.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Of(string explanation)
    {
        var terms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(string.IsNullOrEmpty(explanation) ? "{}" : explanation);
            foreach (var theme in json.RootElement.EnumerateObject())
            {
                if (theme.Value.ValueKind == JsonValueKind.Object && theme.Value.TryGetProperty("matched", out var matched) && matched.ValueKind == JsonValueKind.Array)
                {
                    terms[theme.Name] = [.. matched.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)];
                }
            }
        }
        catch (JsonException)
        {
            terms.Clear();
        }

        return terms;
    }
}
