using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>The 202 answer of POST /api/tips names the kinds of personal data found, never the values.</summary>
public sealed class PersonalDataAnswerTests : IDisposable
{
    private readonly DevHostFactory _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_answer_lists_the_kinds_and_none_of_the_values()
    {
        var client = _host.CreateClient();

        var withData = await client.PostAsJsonAsync(
            "/api/tips",
            new { text = "Han som säljer har personnummer 19811218-9876 och kör ABC 123.", place = "Vallgatan 3 lgh 1102" },
            Cancel);
        var without = await client.PostAsJsonAsync("/api/tips", new { text = "Det langas knark vid skolan på kvällarna." }, Cancel);

        Assert.Equal(HttpStatusCode.Accepted, withData.StatusCode);
        var raw = await withData.Content.ReadAsStringAsync(Cancel);
        var answer = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(["personnummer", "plate", "address"], answer.GetProperty("personalData").EnumerateArray().Select(k => k.GetString()));
        Assert.DoesNotContain("9876", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("ABC", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Vallgatan", raw, StringComparison.Ordinal);
        var plain = await without.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Empty(plain.GetProperty("personalData").EnumerateArray());

        // Let the queue trigger finish both tips: a host disposed mid-message crashes the WebJobs listener's thread.
        foreach (var reference in new[] { answer, plain }.Select(a => a.GetProperty("reference").GetString()))
        {
            await Eventually.GetAsync(() => StatusAsync(client, reference!), s => s == "classified");
        }
    }

    private static async Task<string?> StatusAsync(HttpClient client, string reference)
    {
        var response = await client.GetAsync($"/api/tips/{reference}", Cancel);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetString() : null;
    }

    public void Dispose() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
