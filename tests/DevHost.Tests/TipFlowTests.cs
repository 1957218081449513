using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>A tip's whole way through the running DevHost: HTTP, the queue trigger, Table Storage, stats.</summary>
public sealed class TipFlowTests : IDisposable
{
    private readonly DevHostFactory _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<string> SubmitAsync(HttpClient client, object tip)
    {
        var response = await client.PostAsJsonAsync("/api/tips", tip, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("received", body.GetProperty("status").GetString());
        return body.GetProperty("reference").GetString()!;
    }

    private static async Task<string?> StatusAsync(HttpClient client, string reference)
    {
        var response = await client.GetAsync($"/api/tips/{reference}", Cancel);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetString() : null;
    }

    [Fact]
    public async Task A_tip_posted_over_HTTP_is_classified_stored_and_counted()
    {
        var client = _host.CreateClient();
        var reference = await SubmitAsync(client, new { text = "Det langas knark vid skolan på kvällarna.", municipality = "vara" });

        var status = await Eventually.GetAsync(() => StatusAsync(client, reference), s => s == "classified");

        Assert.Equal("classified", status);
        // Stats read the rollup, written just after the tip's transaction: it may lag the status by a moment.
        var stats = await Eventually.GetAsync(
            () => client.GetFromJsonAsync<JsonElement>("/api/stats?municipality=vara", Cancel),
            s => s.GetProperty("all").GetProperty("total").GetProperty("tips").GetInt32() > 0);
        var total = stats.GetProperty("all").GetProperty("total");
        Assert.Equal(1, total.GetProperty("tips").GetInt32());
        Assert.Equal(1, total.GetProperty("themes").GetProperty(Theme.Drugs).GetInt32());
        var otherMunicipalities = await client.GetFromJsonAsync<JsonElement>("/api/stats?municipality=grastorp", Cancel);
        Assert.Equal(0, otherMunicipalities.GetProperty("all").GetProperty("total").GetProperty("tips").GetInt32());
    }

    [Fact]
    public async Task A_plain_HTML_form_post_is_accepted()
    {
        var client = _host.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = "Bilarna kör alldeles för fort förbi förskolan.",
            ["kind"] = "idea",
            ["consent"] = "on",
            ["contact"] = "070-000 00 00",
        });

        var response = await client.PostAsync("/api/tips", form, Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reference").GetString()!;
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{10}$", reference);
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_naming_each_field()
    {
        var client = _host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/tips", new { text = "kort", municipality = "göteborg", observedAt = "2099-01-01T10:00" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Equal(["municipality", "observedAt", "text"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task A_wrong_content_type_gets_415_and_an_oversized_body_413()
    {
        var client = _host.CreateClient();

        using var text = new StringContent("Det langas knark vid skolan.", Encoding.UTF8, "text/plain");
        var wrongType = await client.PostAsync("/api/tips", text, Cancel);
        using var huge = new StringContent(JsonSerializer.Serialize(new { text = new string('a', TipLimits.MaxBodyBytes + 1) }), Encoding.UTF8, "application/json");
        var tooLarge = await client.PostAsync("/api/tips", huge, Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Fact]
    public async Task Unknown_and_malformed_references_get_the_same_404()
    {
        var client = _host.CreateClient();

        var unknown = await client.GetAsync("/api/tips/0123456789", Cancel);
        var malformed = await client.GetAsync("/api/tips/not-a-reference", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        // Same title and status: nothing tells a resident (or a guesser) whether a reference exists.
        var unknownBody = await unknown.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var malformedBody = await malformed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(unknownBody.GetProperty("title").GetString(), malformedBody.GetProperty("title").GetString());
        Assert.Equal(404, malformedBody.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_malformed_message_goes_to_poison_and_the_host_goes_on_working()
    {
        var client = _host.CreateClient();
        await _host.Queue(StorageNames.TipsQueue).CreateIfNotExistsAsync(cancellationToken: Cancel);
        await _host.Queue(StorageNames.TipsQueue).SendMessageAsync("{ this is not a tip", Cancel);

        var poisoned = await Eventually.GetAsync(
            async () => await _host.Queue(StorageNames.TipsPoisonQueue).ExistsAsync(Cancel) ? (await _host.Queue(StorageNames.TipsPoisonQueue).PeekMessagesAsync(10, Cancel)).Value : [],
            messages => messages.Length > 0);

        Assert.Equal("{ this is not a tip", Assert.Single(poisoned).MessageText);
        var reference = await SubmitAsync(client, new { text = "Inbrott i garaget på Storgatan i natt." });
        Assert.Equal("classified", await Eventually.GetAsync(() => StatusAsync(client, reference), s => s == "classified"));
        Assert.Contains(_host.Logs.Lines, line => line.Contains("moved to tips-poison unprocessed: the message is not valid JSON", StringComparison.Ordinal));
    }

    public void Dispose() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
