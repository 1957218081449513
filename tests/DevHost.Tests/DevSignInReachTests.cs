using System.Net;
using Grastorp.Intake.Core.Staff.Access;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>
/// The dev sign-in beyond loopback: a remote address of 127.0.0.1 is what a tunnel or a reverse proxy on the same
/// machine shows too, so the host name (and a header naming the host a proxy was asked for) decides as well; and its return path stays on
/// the site however it is encoded.
/// </summary>
public sealed class DevSignInReachTests : IAsyncDisposable
{
    private readonly DevHostFactory _factory = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Client() => _factory.CreateClient(new() { AllowAutoRedirect = false });

    private static string Cookie => $"dev-staff-principal={ClientPrincipal.Write("Kim Kommunpolis", StaffRole.Kommunpolis)}";

    [Theory]
    [InlineData("http://evil.example/dev/logga-in")]
    [InlineData("http://evil.example/personal/tips")]
    [InlineData("http://tips.grastorp.example/uppfoljning")]
    public async Task A_name_that_is_not_loopback_gets_400_before_any_page(string url)
    {
        // DNS rebinding: evil.example resolves to 127.0.0.1, so the browser sends its own name as Host.
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", Cookie);

        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("logga-in", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Forwarded-Host", "abc.tunnel.example")]
    [InlineData("X-Original-Host", "tips.grastorp.example")]
    public async Task A_request_through_a_proxy_that_rewrote_the_host_gets_no_sign_in_and_its_cookie_counts_for_nothing(string header, string value)
    {
        using var client = Client();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/dev/logga-in");
        page.Headers.Add(header, value);
        using var staff = new HttpRequestMessage(HttpMethod.Get, "/personal/tips");
        staff.Headers.Add(header, value);
        staff.Headers.Add("Cookie", Cookie);
        using var direct = new HttpRequestMessage(HttpMethod.Get, "/personal/tips");
        direct.Headers.Add("Cookie", Cookie);

        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(page, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(staff, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(direct, Token)).StatusCode);
    }

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0a/evil.example")]
    [InlineData("/%0d%0a/evil.example")]
    [InlineData("/%20/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("https://evil.example/")]
    public async Task A_return_path_that_could_leave_the_site_becomes_the_dashboard(string encoded)
    {
        using var client = Client();
        var page = await client.GetStringAsync($"/dev/logga-in?post_login_redirect_uri={encoded}", Token);
        Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/dev/logga-in")
        {
            Content = new StringContent($"name=Kim&role=Kommun&kommun=grastorp&post_login_redirect_uri={encoded}", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        post.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await client.SendAsync(post, Token);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/personal/statistik", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_local_return_path_with_a_query_is_kept()
    {
        using var client = Client();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/dev/logga-in")
        {
            Content = new FormUrlEncodedContent([new("name", "Kim"), new("role", "Kommun"), new("kommun", "grastorp"), new("post_login_redirect_uri", "/en/personal/statistik?vecka=2026-W48")]),
        };
        post.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await client.SendAsync(post, Token);

        Assert.Equal("/en/personal/statistik?vecka=2026-W48", response.Headers.Location?.OriginalString);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
