using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>The receipt page thanks only for a code that was issued; any other gets the status page's 404.</summary>
public sealed class ReceiptPageTests : IAsyncDisposable
{
    private readonly DevHostFactory _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/kvitto/AAAAAAAAAA", "Vi hittar inget tips med den koden")]
    [InlineData("/en/receipt/AAAAAAAAAA", "We cannot find a tip with that code")]
    public async Task A_crafted_link_with_a_code_never_issued_gets_404_and_no_thanks(string path, string notFound)
    {
        using var response = await _host.CreateClient().GetAsync(path, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(notFound, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tack, ditt tips har kommit fram", html, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAAAAAAAA", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issued_code_gets_its_receipt()
    {
        var client = _host.CreateClient();
        using var sent = await client.PostAsJsonAsync("/api/tips", new { text = "Bilarna kör för fort förbi skolan varje morgon.", municipality = "vara" }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var reference = (await sent.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reference").GetString();

        using var receipt = await client.GetAsync($"/kvitto/{reference}", Cancel);

        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Contains("Tack, ditt tips har kommit fram", await receipt.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
