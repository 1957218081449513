using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>The 202 answer of POST /api/tips names the kinds of personal data found, never the values.</summary>
public sealed class PersonalDataAnswerTests : IDisposable
{
    private readonly DevHostFactory _host = new();

    [Fact]
    public async Task The_answer_lists_the_kinds_and_none_of_the_values()
    {
        var client = _host.CreateClient();

        var response = await client.PostAsJsonAsync(
            "/api/tips",
            new { text = "Han som säljer har personnummer 19811218-9876 och kör ABC 123.", place = "Vallgatan 3 lgh 1102" },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var kinds = JsonDocument.Parse(raw).RootElement.GetProperty("personalData").EnumerateArray().Select(k => k.GetString());
        Assert.Equal(["personnummer", "plate", "address"], kinds);
        Assert.DoesNotContain("9876", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("ABC", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Vallgatan", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tip_without_personal_data_gets_an_empty_list()
    {
        var client = _host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/tips", new { text = "Det langas knark vid skolan på kvällarna." }, TestContext.Current.CancellationToken);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Empty(body.GetProperty("personalData").EnumerateArray());
    }

    public void Dispose() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
