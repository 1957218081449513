using System.Net.Http.Json;
using System.Text.Json;

namespace Grastorp.Intake.Browser.Tests;

/// <summary>The resident pages by name and language, and a way to get a real reference for the receipt and status pages.</summary>
internal static class ResidentSite
{
    public const string Payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    public static readonly string[] Languages = ["sv", "en"];

    public static string Home(string lang) => lang == "en" ? "/en" : "/";

    public static string Receipt(string lang, string reference) => (lang == "en" ? "/en/receipt/" : "/kvitto/") + reference;

    public static string Status(string lang, string? reference = null) => (lang == "en" ? "/en/status" : "/status") + (reference is null ? string.Empty : "/" + reference);

    public static string Accessibility(string lang) => lang == "en" ? "/en/accessibility" : "/tillganglighet";

    public static string Privacy(string lang) => lang == "en" ? "/en/personal-data" : "/personuppgifter";

    /// <summary>Sends a tip over the JSON API (not under test here) to have a reference that exists.</summary>
    public static async Task<string> SubmitAsync(string baseUrl, string text = "Det langas knark vid skolan på kvällarna.", string municipality = "vara")
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var response = await client.PostAsJsonAsync("/api/tips", new { text, municipality });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
    }

    /// <summary>The reference the receipt shows, as a resident would copy it (without the space between the groups).</summary>
    public static async Task<string> ReferenceOnReceiptAsync(IPage page) =>
        (await page.Locator("#reference").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
}
