using Deque.AxeCore.Playwright;

namespace Grastorp.Intake.Browser.Tests;

/// <summary>The DevHost with a limit of two status lookups per ten minutes, so the browser meets the lookup limit at once.</summary>
public sealed class LookupLimitedIntakeServer : IntakeServer
{
    protected override string RateLimitLookups => "2";
}

/// <summary>
/// Guessing codes on the status page in real Chromium: after two lookups in ten minutes, even the resident's own code
/// gets the 429 page (in the page's language, the site's look, no WCAG A/AA violation), which does not repeat the code.
/// </summary>
public sealed class LookupLimitPageTests(Chromium chromium, LookupLimitedIntakeServer server) : IClassFixture<LookupLimitedIntakeServer>
{
    [Theory]
    [InlineData("sv", "Du har sökt många gånger på kort tid", "Se status för ett tips")]
    [InlineData("en", "You have made many lookups in a short time", "Check the status of a tip")]
    public async Task After_two_lookups_the_residents_own_code_gets_the_429_page_in_its_language_with_no_violation(string lang, string title, string back)
    {
        var own = await ResidentSite.SubmitAsync(server.BaseUrl);
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();

        // Two lookups fill this client's window (every test here looks up from 127.0.0.1, so an earlier one may have).
        foreach (var unknown in new[] { "AAAAAAAAAA", "BBBBBBBBBB" })
        {
            var miss = await page.GotoAsync(ResidentSite.Status(lang, unknown));
            Assert.Contains(miss!.Status, new[] { 404, 429 });
        }

        var refused = await page.GotoAsync(ResidentSite.Status(lang, own));

        Assert.Equal(429, refused!.Status);
        Assert.NotNull(await refused.HeaderValueAsync("retry-after"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.DoesNotContain(own, await page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator($"main a[href='{ResidentSite.Status(lang)}']")).ToHaveTextAsync(back);
        var result = await page.RunAxe(Wcag.AA);
        Assert.True(result.Violations.Length == 0, string.Join('\n', result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        Assert.NotEmpty(result.Passes);
    }
}
