using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Promises.Actions;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Microsoft.Extensions.Options;
using Grastorp.Intake.Core.Tips.Store.Recording;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>
/// The public follow-up on the running DevHost: tips go in over HTTP this week (not counted until the week has
/// ended) and straight into the store for last week and an earlier month, and the page, the JSON and the Atom feed
/// show the same counts of completed weeks with small ones hidden, by subtraction too, and nothing a resident wrote.
/// </summary>
public sealed class FollowUpTests : IAsyncLifetime
{
    private const string Marker = "ZQXMARKER";
    private const string Trafik = "grastorp_2021.trafik";

    private readonly DevHostFactory _host = new();
    private HttpClient _client = default!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _host.CreateClient();
        var services = _host.Services;

        // Four traffic tips this week over HTTP, each carrying the marker in text, place and contact.
        var references = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var response = await _client.PostAsJsonAsync("/api/tips", new
            {
                text = $"Bilar kör för fort på Storgatan varje kväll {Marker}-text-{i}.",
                place = $"Storgatan {i} {Marker}-place",
                contact = $"{Marker}-contact@example.se",
                consent = true,
                municipality = "grastorp",
            }, Cancel);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            references.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reference").GetString()!);
        }

        foreach (var reference in references)
        {
            await Eventually.GetAsync(
                async () => (await _client.GetFromJsonAsync<JsonElement>($"/api/tips/{reference}", Cancel)).GetProperty("status").GetString(),
                s => s == "classified");
        }

        // Four last week (a completed week, so counted), and two five weeks before that (always another month): that
        // month shows "färre än 3", so the total must go.
        var recorder = services.GetRequiredService<TipRecorder>();
        var classifier = services.GetRequiredService<ITipClassifier>();
        var promises = services.GetRequiredService<PromiseCatalog>();
        foreach (var (earlier, count) in new[] { (DateTimeOffset.UtcNow.AddDays(-7), 4), (DateTimeOffset.UtcNow.AddDays(-42), 2) })
        {
            for (var i = 0; i < count; i++)
            {
                var tip = new ReceivedTip(TipReference.New().Value, earlier, "grastorp", TipKind.Tip, $"Någon kör för fort förbi skolan {Marker}", $"{Marker}-place", null, $"{Marker}-contact");
                var classification = classifier.Classify(tip.Text);
                await recorder.RecordAsync(tip, classification, promises.Link("grastorp", tip.Partition.Week.Year, classification), Cancel);
            }
        }

        var found = promises.Find(Trafik)!.Value;
        await services.GetRequiredService<CommitmentActionStore>().AddAsync(
            found.Promise, found.Commitment, DateOnly.FromDateTime(DateTime.UtcNow.Date), "Trafikkontroll på Storgatan, 45 förare kontrollerade",
            [new ActionCount("förare kontrollerade", 45), new ActionCount("rapporterade", 2)], "Kommunpolis Test", Cancel);
    }

    private async Task<string> GetTextAsync(string path)
    {
        var response = await _client.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    [Fact]
    public async Task The_JSON_hides_one_or_two_and_withholds_a_total_that_would_reveal_them()
    {
        var json = JsonDocument.Parse(await GetTextAsync("/api/followup"));

        var grastorp = json.RootElement.GetProperty("promises").EnumerateArray().Single(p => p.GetProperty("municipality").GetString() == "grastorp");
        var trafik = grastorp.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("key").GetString() == Trafik);
        var months = trafik.GetProperty("tipsPerMonth").EnumerateArray().Select(m => m.GetProperty("tips")).ToList();
        Assert.Contains(months, m => m.GetProperty("count").ValueKind == JsonValueKind.Null && m.GetProperty("shown").GetString() == "fewerThan3");
        // Last week's four, once; this week's four (sent over HTTP) are in no month until the week has ended.
        Assert.Single(months, m => m.GetProperty("count").ValueKind == JsonValueKind.Number && m.GetProperty("count").GetInt32() == 4);
        Assert.DoesNotContain(months, m => m.GetProperty("count").ValueKind == JsonValueKind.Number && m.GetProperty("count").GetInt32() == 8);
        Assert.DoesNotContain(months, m => m.GetProperty("count").ValueKind == JsonValueKind.Number && m.GetProperty("count").GetInt32() is 1 or 2);
        var total = trafik.GetProperty("tipsTotal");
        Assert.Equal(JsonValueKind.Null, total.GetProperty("count").ValueKind);
        Assert.Equal("withheld", total.GetProperty("shown").GetString());

        var action = Assert.Single(trafik.GetProperty("actions").EnumerateArray());
        Assert.Equal("Trafikkontroll på Storgatan, 45 förare kontrollerade", action.GetProperty("summary").GetString());
        Assert.Equal([45, null], action.GetProperty("counts").EnumerateArray().Select(c => c.GetProperty("value").GetProperty("count").ValueKind == JsonValueKind.Null ? (int?)null : c.GetProperty("value").GetProperty("count").GetInt32()));
        Assert.False(trafik.GetProperty("quiet").GetBoolean());
        Assert.True(grastorp.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "bra_arshjul").GetProperty("quiet").GetBoolean());
    }

    [Fact]
    public async Task The_page_shows_the_same_hidden_counts_in_Swedish_and_English()
    {
        var swedish = await GetTextAsync("/uppfoljning");
        var english = await GetTextAsync("/en/follow-up");

        var section = Section(swedish, "c-grastorp_2021-trafik");
        Assert.Contains("färre än 3", section, StringComparison.Ordinal);
        Assert.Contains("<tfoot><tr><th scope=\"row\">Totalt</th><td class=\"number\">visas inte</td>", section, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">4</td>", section, StringComparison.Ordinal);
        Assert.Contains("Ingen åtgärd har registrerats de senaste 60 dagarna.", Section(swedish, "c-grastorp_2021-bra_arshjul"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("fewer than 3", Section(english, "c-grastorp_2021-trafik"), StringComparison.Ordinal);
        Assert.Contains("not shown", Section(english, "c-grastorp_2021-trafik"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_parses_back_as_Atom_with_the_same_hidden_counts()
    {
        var response = await _client.GetAsync("/uppfoljning.atom", Cancel);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(Cancel));
        var formatter = new Atom10FeedFormatter();

        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        var feed = formatter.Feed;
        Assert.Equal("urn:grastorp-intake:uppfoljning", feed.Id);
        Assert.NotEmpty(feed.Authors);
        Assert.All(feed.Items, i => Assert.False(string.IsNullOrEmpty(i.Id)));
        var trafik = feed.Items.Single(i => i.Id == $"urn:grastorp-intake:commitment:{Trafik}");
        var summary = ((TextSyndicationContent)trafik.Content).Text;
        Assert.Contains("färre än 3", summary, StringComparison.Ordinal);
        Assert.Contains("totalt: visas inte", summary, StringComparison.Ordinal);
        Assert.Contains(feed.Items, i => i.Title.Text.Contains("Trafikkontroll på Storgatan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_public_output_and_no_log_line_holds_what_a_resident_wrote()
    {
        foreach (var path in new[] { "/uppfoljning", "/en/follow-up", "/api/followup", "/uppfoljning.atom" })
        {
            Assert.DoesNotContain(Marker, await GetTextAsync(path), StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains(Marker, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The HTML of one commitment's section, from its heading to the next section.</summary>
    private static string Section(string html, string headingId)
    {
        var start = html.IndexOf($"id=\"{headingId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {headingId}");
        var end = html.IndexOf("<section class=\"commitment\"", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }
}
