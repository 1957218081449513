using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grastorp.Intake.Core.Tips;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>Input a resident's browser would never send, each with its exact answer; none is a 500.</summary>
public sealed class BadInputTests : IDisposable
{
    private const string Marker = "ZqxKey4412";
    private readonly DevHostFactory _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> InvisibleTexts => new()
    {
        new string('\0', 10),
        new string('\u200B', 10),
        "\u200D\u200C\uFEFF\u200D\u200C\uFEFF\u200D\u200C\uFEFF\u200D\u200C",
        "\u202E\u202D\u2066\u2069\u00AD\u0007\u001B\u202E\u202D\u2066",
        "  \u200B ok \u200B  ",
    };

    [Theory]
    [MemberData(nameof(InvisibleTexts))]
    public async Task A_text_of_invisible_characters_is_refused_naming_the_text_field(string text)
    {
        var response = await _host.CreateClient().PostAsJsonAsync("/api/tips", new { text }, Cancel);

        await AssertFieldErrorAsync(response, "text");
    }

    [Theory]
    [InlineData("{\"text\": 1234567890}")]
    [InlineData("{\"text\": 1e400000000}")]
    [InlineData("{\"text\": \"Det langas knark vid skolan.\", \"place\": 12}")]
    public async Task A_number_where_text_belongs_is_refused_naming_the_field(string json)
    {
        var response = await PostRawAsync(json, "application/json");

        var field = json.Contains("place", StringComparison.Ordinal) ? "place" : "text";
        await AssertFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task A_json_key_is_never_echoed_in_the_answer()
    {
        var response = await PostRawAsync($"{{\"text\": \"Det langas knark vid skolan.\", \"<script>alert(1)</script> {Marker}\": {{}}}}", "application/json");
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Marker, body, StringComparison.Ordinal);
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task The_same_json_key_twice_is_refused_naming_the_field()
    {
        var response = await PostRawAsync("{\"text\": \"Det langas knark vid skolan.\", \"TEXT\": \"Något helt annat här.\"}", "application/json");

        await AssertFieldErrorAsync(response, "text");
    }

    [Fact]
    public async Task A_form_field_sent_twice_is_refused_not_joined()
    {
        var response = await PostRawAsync("text=Det+langas+knark+vid+skolan.&text=Och+cyklar+stjals+i+natt.", "application/x-www-form-urlencoded");

        await AssertFieldErrorAsync(response, "text");
    }

    [Fact]
    public async Task A_form_post_in_latin_1_is_refused_as_not_utf_8()
    {
        var response = await PostRawAsync("text=N%E4gon+har+snott+min+cykel+vid+stationen.", "application/x-www-form-urlencoded");

        await AssertFieldErrorAsync(response, "body");
    }

    [Fact]
    public async Task Api_answers_are_not_cached_or_sniffed()
    {
        var client = _host.CreateClient();
        var accepted = await client.PostAsJsonAsync("/api/tips", new { text = "Det langas knark vid skolan på kvällarna." }, Cancel);
        var refused = await client.PostAsJsonAsync("/api/tips", new { text = "kort" }, Cancel);
        var unknown = await client.GetAsync("/api/tips/0000000000", Cancel);

        foreach (var response in new[] { accepted, refused, unknown })
        {
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.NotFound], new[] { accepted.StatusCode, refused.StatusCode, unknown.StatusCode });
    }

    [Fact]
    public void A_storage_connection_string_with_a_key_that_is_not_base64_stops_the_host_naming_the_setting()
    {
        var error = Assert.IsType<OptionsValidationException>(DevHostFactory.StartUpFailure(() => _host.WithWebHostBuilder(builder => builder.UseSetting(
            "AzureWebJobsStorage", "DefaultEndpointsProtocol=http;AccountName=x;AccountKey=not*base64!;QueueEndpoint=http://127.0.0.1:1/x;TableEndpoint=http://127.0.0.1:1/x;BlobEndpoint=http://127.0.0.1:1/x;"))));

        Assert.Contains("AzureWebJobsStorage is not a valid storage connection string: the account key is not valid base64", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not*base64", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:7071", false)]
    [InlineData("http://*:7071", false)]
    [InlineData("http://192.168.1.10:7071", false)]
    [InlineData("http://127.0.0.1:7071", true)]
    [InlineData("http://[::1]:7071", true)]
    [InlineData("http://localhost:7071", true)]
    public void The_devhost_refuses_addresses_beyond_loopback_unless_allowed(string url, bool loopback)
    {
        var plain = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = url }).Build();
        var allowed = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = url, [LoopbackGuard.AllowSetting] = "true" }).Build();

        Assert.Equal(loopback, LoopbackGuard.IsLoopback(url));
        if (loopback)
        {
            LoopbackGuard.Check(plain);
        }
        else
        {
            Assert.Contains(LoopbackGuard.AllowSetting, Assert.Throws<LoopbackGuard.NotLoopbackException>(() => LoopbackGuard.Check(plain)).Message, StringComparison.Ordinal);
        }

        LoopbackGuard.Check(allowed);
    }

    [Fact]
    public async Task The_longest_tip_in_swedish_letters_sent_from_the_form_is_accepted()
    {
        // 4000 "ä" percent-encode to 24,000 bytes: the earlier 16 KiB limit answered 413 and the resident lost the text.
        using var form = new FormUrlEncodedContent([new("text", new string('ä', TipLimits.MaxTextLength)), new("place", new string('å', TipLimits.MaxPlaceLength))]);

        var response = await _host.CreateClient().PostAsync("/api/tips", form, Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example", null, HttpStatusCode.Forbidden)]
    [InlineData(null, "cross-site", HttpStatusCode.Forbidden)]
    [InlineData("https://evil.example", "cross-site", HttpStatusCode.Forbidden)]
    [InlineData("null", null, HttpStatusCode.Forbidden)]
    [InlineData("http://localhost", "same-origin", HttpStatusCode.Accepted)]
    [InlineData("http://localhost", null, HttpStatusCode.Accepted)]
    [InlineData("https://www.grastorp.se", "cross-site", HttpStatusCode.Accepted)]
    [InlineData(null, null, HttpStatusCode.Accepted)]
    public async Task A_form_post_from_another_site_is_refused_unless_that_site_is_configured(string? origin, string? fetchSite, HttpStatusCode expected)
    {
        // Not disposed here: WebJobs 3.0.48 can throw ObjectDisposedException when a host stops moments after starting
        // (see DevHostFactory.DisposeAsync); the factory the test class owns disposes its derived hosts.
        var host = _host.WithWebHostBuilder(builder => builder.UseSetting("FormOrigins:Allowed:0", "https://www.grastorp.se/"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tips")
        {
            Content = new FormUrlEncodedContent([new("text", "Det langas knark vid skolan på kvällarna.")]),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        var response = await host.CreateClient().SendAsync(request, Cancel);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_json_post_is_not_subject_to_the_form_origin_check_because_browsers_preflight_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tips") { Content = JsonContent.Create(new { text = "Det langas knark vid skolan på kvällarna." }) };
        request.Headers.Add("Origin", "https://evil.example");

        var response = await _host.CreateClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public void Dispose() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Task<HttpResponseMessage> PostRawAsync(string body, string contentType) =>
        _host.CreateClient().PostAsync("/api/tips", new StringContent(body, Encoding.UTF8, contentType), Cancel);

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
    }
}
