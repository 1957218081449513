namespace Grastorp.Intake.Browser.Tests;

/// <summary>
/// The CSP holds in a real browser: in a context of its own (never with CSP bypassed, not the one axe runs in), each
/// page loads without a violation, and an inline script put into a page is blocked.
/// </summary>
public sealed class ContentSecurityPolicyTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_page_loads_without_a_CSP_violation_and_an_injected_inline_script_is_blocked()
    {
        var reference = await ResidentSite.SubmitAsync(server.BaseUrl);
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Add("pageerror: " + error);

        foreach (var lang in ResidentSite.Languages)
        {
            foreach (var path in new[]
            {
                ResidentSite.Home(lang), ResidentSite.Receipt(lang, reference), ResidentSite.Status(lang, reference),
                ResidentSite.Status(lang), ResidentSite.Accessibility(lang), ResidentSite.Privacy(lang),
            })
            {
                var response = await page.GotoAsync(path);
                var csp = await response!.HeaderValueAsync("content-security-policy");
                Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
                Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
                Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
                Assert.Equal("nosniff", await response.HeaderValueAsync("x-content-type-options"));
                Assert.Equal("no-referrer", await response.HeaderValueAsync("referrer-policy"));
                Assert.NotNull(await response.HeaderValueAsync("permissions-policy"));
                // The page's own script ran (it adds the character count to the form).
                if (path == ResidentSite.Home(lang))
                {
                    await Assertions.Expect(page.Locator("#text-count")).ToBeVisibleAsync();
                }
            }
        }

        Assert.DoesNotContain(console, line => line.StartsWith("error", StringComparison.Ordinal) || line.StartsWith("pageerror", StringComparison.Ordinal));

        await page.GotoAsync("/");
        var blocked = await page.EvaluateAsync<bool>(
            """
            () => new Promise(resolve => {
              document.addEventListener('securitypolicyviolation', e => resolve(e.violatedDirective.startsWith('script-src')), { once: true });
              const script = document.createElement('script');
              script.textContent = 'window.injected = true;';
              document.body.appendChild(script);
              setTimeout(() => resolve(false), 2000);
            })
            """);
        Assert.True(blocked);
        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
        Assert.Contains(console, line => line.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_that_show_a_residents_words_or_code_are_never_cached_and_assets_carry_an_ETag()
    {
        var reference = await ResidentSite.SubmitAsync(server.BaseUrl);
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var receipt = await client.GetAsync(ResidentSite.Receipt("sv", reference), Cancel);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["lang"] = "sv", ["text"] = "kort" });
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/tips") { Content = form };
        post.Headers.Accept.ParseAdd("text/html");
        var withErrors = await client.SendAsync(post, Cancel);
        var css = await client.GetAsync("/assets/site.css", Cancel);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/assets/site.css");
        again.Headers.IfNoneMatch.Add(css.Headers.ETag!);
        var notModified = await client.SendAsync(again, Cancel);

        Assert.Equal("no-store", receipt.Headers.CacheControl!.ToString());
        Assert.Equal(400, (int)withErrors.StatusCode);
        Assert.Equal("no-store", withErrors.Headers.CacheControl!.ToString());
        Assert.NotNull(css.Headers.ETag);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Equal(304, (int)notModified.StatusCode);
        Assert.False(receipt.Headers.Contains("Set-Cookie"));
    }
}
