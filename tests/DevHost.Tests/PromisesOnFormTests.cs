using System.Net;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>The form shows what the tips feed into: the published promise's commitments and the way to the follow-up.</summary>
public sealed class PromisesOnFormTests : IAsyncDisposable
{
    private readonly DevHostFactory _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/", "Vad har polisen och kommunen lovat?", "href=\"/uppfoljning\"")]
    [InlineData("/en", "What have the police and the municipality promised?", "href=\"/en/follow-up\"")]
    public async Task The_form_lists_the_published_commitments_and_links_to_the_follow_up(string path, string summary, string link)
    {
        var page = WebUtility.HtmlDecode(await _host.CreateClient().GetStringAsync(path, Cancel));

        Assert.Contains(summary, page, StringComparison.Ordinal);
        Assert.Contains("Medborgarlöfte 2021 – Polisen och Grästorps kommun", page, StringComparison.Ordinal);
        Assert.Contains("Polisen gör trafikkontroller med inriktning på drogpåverkade förare", page, StringComparison.Ordinal);
        Assert.Contains(link, page, StringComparison.Ordinal);
        // Vara's and Essunga's files are examples: a resident must never read a promise no one made.
        Assert.DoesNotContain("Exempel:", page, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
