using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>The rate limit through the DevHost's HTTP pipeline: 429 with Retry-After for API clients and browsers.</summary>
public sealed class RateLimitTests : IAsyncDisposable
{
    private const string Tip = "Det langas knark vid skolan på kvällarna.";

    // On a whole second, so Retry-After is exact.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero));
    private readonly DevHostFactory _factory;

    public RateLimitTests()
    {
        _factory = new DevHostFactory(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private WebApplicationFactory<EntryPoint> Host(bool onPlatform = false) => _factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("RateLimit:PerTenMinutes", "2");
        builder.UseSetting("RateLimit:LookupsPerTenMinutes", "3");
        if (onPlatform)
        {
            // How the DevHost stands in for the platform's front end (the template sets the same setting).
            builder.UseSetting("RateLimit:BehindFrontEnd", "true");
        }
    });

    private static HttpRequestMessage Json(string? forwardedFor = null, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tips") { Content = JsonContent.Create(new { text = Tip }) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return request;
    }

    private static HttpRequestMessage Lookup(string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/tips/AAAAAAAAAA");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    private static HttpRequestMessage Form(string lang)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tips")
        {
            Content = new FormUrlEncodedContent([new("text", Tip), new("municipality", "vara"), new("lang", lang)]),
        };
        request.Headers.Accept.ParseAdd("text/html");
        return request;
    }

    [Fact]
    public async Task The_third_json_tip_within_ten_minutes_gets_429_with_the_exact_Retry_After_in_problem_details()
    {
        var client = Host().CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Json(), Token)).StatusCode);
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Json(), Token)).StatusCode);
        _time.Advance(TimeSpan.FromSeconds(15));

        using var refused = await client.SendAsync(Json(), Token);

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal("405", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Token));
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.StartsWith("Du har skickat många tips", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);

        using var english = await client.SendAsync(Json(language: "en"), Token);
        Assert.Equal((HttpStatusCode)429, english.StatusCode);
        Assert.StartsWith("You have sent many tips", JsonDocument.Parse(await english.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);

        // When the first tip turns ten minutes old, a place frees.
        _time.Advance(TimeSpan.FromSeconds(405));
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Json(), Token)).StatusCode);
    }

    [Theory]
    [InlineData("sv", "Du har skickat många tips på kort tid", "om ungefär 10 minuter")]
    [InlineData("en", "You have sent many tips in a short time", "in about 10 minutes")]
    public async Task A_form_post_over_the_limit_gets_the_form_back_filled_in_in_its_language_with_429_and_Retry_After(string lang, string title, string wait)
    {
        var client = Host().CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await client.SendAsync(Form(lang), Token)).StatusCode);
        }

        using var refused = await client.SendAsync(Form(lang), Token);
        var html = await refused.Content.ReadAsStringAsync(Token);

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal("600", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<html lang=\"{lang}\"", html, StringComparison.Ordinal);
        Assert.Contains($">{title}</h2>", html, StringComparison.Ordinal);
        Assert.Contains(wait, html, StringComparison.Ordinal);
        Assert.Contains("112", html, StringComparison.Ordinal);
        Assert.Contains("site.css", html, StringComparison.Ordinal);

        // Without script nothing else keeps what the resident wrote: the form comes back filled in, as after an outage.
        Assert.Contains($">{Tip}</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"vara\" checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_the_platform_a_forged_forwarded_header_does_not_make_a_new_client()
    {
        var client = Host().CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Json("198.51.100.1"), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Json("198.51.100.2"), Token)).StatusCode);

        Assert.Equal((HttpStatusCode)429, (await client.SendAsync(Json("198.51.100.3"), Token)).StatusCode);
    }

    [Fact]
    public async Task On_the_platform_the_front_ends_forwarded_address_is_the_client()
    {
        var client = Host(onPlatform: true).CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Json("198.51.100.1:50000"), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Json("198.51.100.1:50001"), Token)).StatusCode);

        // A forged entry to the left of the front end's changes nothing; another client has its own window.
        Assert.Equal((HttpStatusCode)429, (await client.SendAsync(Json("6.6.6.6, 198.51.100.1:50002"), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Json("198.51.100.2:50000"), Token)).StatusCode);
    }

    [Fact]
    public async Task The_fourth_status_lookup_in_ten_minutes_gets_429_for_the_clients_own_code_too_with_Retry_After()
    {
        var client = Host().CreateClient();
        using var accepted = await client.SendAsync(Json(), Token);
        var own = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("reference").GetString();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/tips/{own}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/tips/AAAAAAAAAA", Token)).StatusCode);
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/tips/not-a-code", Token)).StatusCode);

        using var refused = await client.GetAsync($"/api/tips/{own}", Token);
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/tips/AAAAAAAAAA");
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var refusedInEnglish = await client.SendAsync(english, Token);

        // The first lookup (13:00) leaves the window at 13:10; it is 13:04.
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal("360", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var body = await refused.Content.ReadAsStringAsync(Token);
        Assert.StartsWith("Du har sökt många gånger på kort tid", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(own!, body, StringComparison.Ordinal);
        Assert.StartsWith("You have made many lookups in a short time", JsonDocument.Parse(await refusedInEnglish.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/tips/{own}", Token)).StatusCode);
    }

    [Fact]
    public async Task On_the_platform_status_lookups_count_by_the_front_ends_forwarded_address_and_a_forged_one_escapes_nothing()
    {
        var client = Host(onPlatform: true).CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Lookup($"198.51.100.1:{50000 + i}"), Token)).StatusCode);
        }

        // A forged entry to the left of the front end's changes nothing; another client has its own window.
        Assert.Equal((HttpStatusCode)429, (await client.SendAsync(Lookup("6.6.6.6, 198.51.100.1:50003"), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Lookup("198.51.100.2:50000"), Token)).StatusCode);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
