using Deque.AxeCore.Playwright;

namespace Grastorp.Intake.Browser.Tests;

/// <summary>axe-core scans every resident page, in both languages, at WCAG 2.0/2.1 A and AA: zero violations.</summary>
public sealed class AxeScanTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    private static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(Wcag.AA);
        var report = string.Join('\n', result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"{what}: {report}");
        Assert.NotEmpty(result.Passes);
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Every_page_has_no_WCAG_A_or_AA_violation(string lang)
    {
        var reference = await ResidentSite.SubmitAsync(server.BaseUrl);
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();

        foreach (var (name, path, status) in new[]
        {
            ("form", ResidentSite.Home(lang), 200),
            ("receipt", ResidentSite.Receipt(lang, reference), 200),
            ("status", ResidentSite.Status(lang, reference), 200),
            ("status lookup", ResidentSite.Status(lang), 200),
            ("unknown status", ResidentSite.Status(lang, "0000000000"), 404),
            ("accessibility statement", ResidentSite.Accessibility(lang), 200),
            ("privacy page", ResidentSite.Privacy(lang), 200),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(status, response!.Status);
            await AssertNoViolationsAsync(page, $"{name} ({lang})");
        }
    }

    [Theory]
    [InlineData("sv", true)]
    [InlineData("sv", false)]
    [InlineData("en", true)]
    [InlineData("en", false)]
    public async Task The_form_with_errors_has_no_WCAG_A_or_AA_violation(string lang, bool javaScript)
    {
        // axe itself needs JavaScript (in a context without it, it never returns), so "without JavaScript" here means
        // the page's own script is not delivered: the form posts natively and the server renders the errors.
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        if (!javaScript)
        {
            await context.RouteAsync("**/assets/intake.js*", route => route.AbortAsync());
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(ResidentSite.Home(lang));

        await page.Locator("#text").FillAsync("kort");
        await page.Locator("#observedTime").FillAsync("18:30");
        await page.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, $"form with errors ({lang}, JavaScript {(javaScript ? "on" : "off")})");
    }
}
