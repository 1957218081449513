using System.Net.Http.Json;
using Deque.AxeCore.Playwright;

namespace Grastorp.Intake.Browser.Tests;

/// <summary>The DevHost with a limit of one tip per ten minutes, so the browser meets the rate limit at once.</summary>
public sealed class RateLimitedIntakeServer : IntakeServer
{
    protected override string RateLimitPerTenMinutes => "1";
}

/// <summary>
/// Over the rate limit in real Chromium: without the page's script the form post gets the form back, filled in, with
/// the 429 notice (in the form's language, the site's look, no WCAG A/AA violation); with it, the server's message
/// appears in the status line.
/// </summary>
public sealed class RateLimitPageTests(Chromium chromium, RateLimitedIntakeServer server) : IClassFixture<RateLimitedIntakeServer>
{
    /// <summary>Fills this client's window (every test here posts from 127.0.0.1), whatever earlier tests left.</summary>
    private async Task FillTheWindowAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var _ = await client.PostAsJsonAsync("/api/tips", new { text = "Det langas knark vid skolan på kvällarna.", municipality = "vara" }, TestContext.Current.CancellationToken);
    }

    private static async Task FillFormAsync(IPage page)
    {
        await page.Locator("#text").FillAsync("Bilar kör alldeles för fort förbi skolan varje morgon.");
        await page.Locator("#municipality-vara").CheckAsync();
    }

    [Theory]
    [InlineData("sv", "Du har skickat många tips på kort tid")]
    [InlineData("en", "You have sent many tips in a short time")]
    public async Task Without_script_the_form_post_gets_the_form_back_filled_in_with_the_429_notice_in_its_language_with_no_violation(string lang, string title)
    {
        await FillTheWindowAsync();
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        // axe needs JavaScript; the page's own script is held back, so the form posts natively.
        await context.RouteAsync("**/assets/intake.js*", route => route.AbortAsync());
        var page = await context.NewPageAsync();
        await page.GotoAsync(ResidentSite.Home(lang));
        await FillFormAsync(page);

        var response = await page.RunAndWaitForResponseAsync(() => page.Locator("button[type=submit]").ClickAsync(), r => r.Url.EndsWith("/api/tips", StringComparison.Ordinal));

        Assert.Equal(429, response.Status);
        Assert.NotNull(await response.HeaderValueAsync("retry-after"));
        await Assertions.Expect(page.Locator("#too-many-title")).ToHaveTextAsync(title);
        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));

        // What the resident wrote is still there, as after an outage: nothing to type again once the wait is over.
        await Assertions.Expect(page.Locator("#text")).ToHaveValueAsync("Bilar kör alldeles för fort förbi skolan varje morgon.");
        await Assertions.Expect(page.Locator("#municipality-vara")).ToBeCheckedAsync();
        var result = await page.RunAxe(Wcag.AA);
        Assert.True(result.Violations.Length == 0, string.Join('\n', result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        Assert.NotEmpty(result.Passes);
    }

    [Theory]
    [InlineData("sv", "Du har skickat många tips på kort tid. Vänta en stund och försök igen.")]
    [InlineData("en", "You have sent many tips in a short time. Please wait a while and try again.")]
    public async Task With_script_the_servers_message_is_shown_in_the_status_line(string lang, string message)
    {
        await FillTheWindowAsync();
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ResidentSite.Home(lang));
        await FillFormAsync(page);

        await page.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#send-status")).ToHaveTextAsync(message);
    }
}
