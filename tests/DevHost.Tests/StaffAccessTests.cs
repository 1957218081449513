using System.Net;
using Grastorp.Intake.Core.Staff.Access;
using Microsoft.AspNetCore.Hosting;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>Who gets into the staff area on the DevHost: nobody unsigned, nobody with a forged header, each role its own pages.</summary>
public sealed class StaffAccessTests : IAsyncDisposable
{
    private static readonly string[] StaffPages =
    [
        "/personal/statistik", "/personal/statistik/csv", "/personal/tips", "/personal/granskning", "/personal/atgarder",
        "/en/personal/statistik", "/en/personal/statistik/csv", "/en/personal/tips", "/en/personal/granskning", "/en/personal/atgarder",
    ];

    private readonly DevHostFactory _factory = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Get(string path, string? accept = null, string? principal = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Add("Accept", accept);
        }

        if (principal is not null)
        {
            request.Headers.Add(ClientPrincipal.HeaderName, principal);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return request;
    }

    private HttpClient Client() => _factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Without_sign_in_every_staff_route_answers_401_and_pages_redirect_to_the_dev_sign_in()
    {
        using var client = Client();
        foreach (var path in StaffPages)
        {
            using var api = await client.SendAsync(Get(path), Token);
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
            Assert.Equal("no-store", api.Headers.CacheControl?.ToString());

            using var browser = await client.SendAsync(Get(path, accept: "text/html,application/xhtml+xml"), Token);
            Assert.Equal(HttpStatusCode.Found, browser.StatusCode);
            Assert.Equal($"/dev/logga-in?post_login_redirect_uri={Uri.EscapeDataString(path)}", browser.Headers.Location?.ToString());
        }

        using var post = await client.PostAsync("/personal/tips/rattelse", new FormUrlEncodedContent([new("tema", "drugs")]), Token);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Fact]
    public async Task A_forged_principal_header_gets_401_where_no_platform_vouches_for_it()
    {
        // Production: no dev sign-in, and WEBSITE_AUTH_ENABLED is not set, so the header is not trusted.
        // Not disposed here: WebJobs 3.0.48 can throw ObjectDisposedException when a host stops moments after starting
        // (see DevHostFactory.DisposeAsync); the factory this class owns disposes its derived hosts.
        var production = _factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient(new() { AllowAutoRedirect = false });
        var forged = ClientPrincipal.Write("Mallory", StaffRole.Kommunpolis);
        foreach (var path in StaffPages)
        {
            using var response = await client.SendAsync(Get(path, principal: forged), Token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var signIn = await client.SendAsync(Get("/dev/logga-in"), Token);
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);

        // Development: the DevHost plays the platform and strips the header, so a forged one is still nobody.
        using var development = Client();
        using var stripped = await development.SendAsync(Get("/personal/tips", principal: forged), Token);
        Assert.Equal(HttpStatusCode.Unauthorized, stripped.StatusCode);
    }

    [Fact]
    public async Task Kommun_gets_403_on_the_tip_list_with_a_page_naming_the_missing_role()
    {
        using var client = Client();
        using var signIn = await client.PostAsync("/dev/logga-in", new FormUrlEncodedContent([new("name", "Kim Kommun"), new("role", "Kommun"), new("kommun", "grastorp"), new("post_login_redirect_uri", "/personal/tips")]), Token);
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode); // no Origin or Sec-Fetch-Site: refused as possibly cross-site

        using var signInSameSite = new HttpRequestMessage(HttpMethod.Post, "/dev/logga-in")
        {
            Content = new FormUrlEncodedContent([new("name", "Kim Kommun"), new("role", "Kommun"), new("kommun", "grastorp"), new("post_login_redirect_uri", "/personal/tips")]),
        };
        signInSameSite.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var signedIn = await client.SendAsync(signInSameSite, Token);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/personal/tips", signedIn.Headers.Location?.ToString());
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        using var tips = await client.SendAsync(Get("/personal/tips", accept: "text/html", cookie: cookie), Token);
        var html = await tips.Content.ReadAsStringAsync(Token);
        Assert.Equal(HttpStatusCode.Forbidden, tips.StatusCode);
        Assert.Contains("<strong id=\"missing-role\">Kommunpolis</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Kim Kommun", html, StringComparison.Ordinal);
        Assert.Equal("no-store", tips.Headers.CacheControl?.ToString());

        using var dashboard = await client.SendAsync(Get("/personal/statistik", accept: "text/html", cookie: cookie), Token);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("no-store", dashboard.Headers.CacheControl?.ToString());
        Assert.StartsWith("default-src 'none'", dashboard.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var audit = await client.SendAsync(Get("/personal/granskning", cookie: cookie), Token);
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);

        // The same refusal in English, on the English address.
        using var englishTips = await client.SendAsync(Get("/en/personal/tips", accept: "text/html", cookie: cookie), Token);
        var english = await englishTips.Content.ReadAsStringAsync(Token);
        Assert.Equal(HttpStatusCode.Forbidden, englishTips.StatusCode);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"missing-role\">Kommunpolis (community police)</strong>", english, StringComparison.Ordinal);
        Assert.Contains("href=\"/personal/tips\"", english, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
