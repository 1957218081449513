using Microsoft.Playwright;

namespace Grastorp.Intake.Web.Tests.Digest;

/// <summary>
/// The HTML part in Debian's Chromium (never `playwright install`) at a phone's 375 px: nothing wider than the
/// screen, nothing fetched from the network, and a screenshot in docs/screenshots/ for a person to look at.
/// </summary>
public class DigestScreenshotTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task On_a_375px_phone_the_digest_fits_the_screen_loads_nothing_and_is_photographed()
    {
        var html = (await RenderedDigest.Week48Async()).Html;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 375, Height = 812 }, Locale = "sv-SE" });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.SetContentAsync(html);

        Assert.Empty(requests);
        Assert.Equal(375, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        Assert.Equal("sv", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('script, img, link, iframe').length"));
        var folder = Path.Combine(RenderedDigest.RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "digest-375.png"), FullPage = true });
    }
}
