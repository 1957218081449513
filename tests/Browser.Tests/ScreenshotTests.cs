namespace Grastorp.Intake.Browser.Tests;

/// <summary>
/// Screenshots of each page at 1280 px and 375 px for the README. They are written only when INTAKE_SCREENSHOTS names
/// a folder (`INTAKE_SCREENSHOTS=$PWD/docs/screenshots ./test.sh tests/Browser.Tests`); otherwise the test still
/// takes them, to show every page renders at both widths without a horizontal scroll.
/// </summary>
public sealed class ScreenshotTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    [InlineData(320)]
    public async Task Every_page_fits_the_width_and_is_photographed(int width)
    {
        var folder = Environment.GetEnvironmentVariable("INTAKE_SCREENSHOTS");
        var reference = await ResidentSite.SubmitAsync(server.BaseUrl);
        await using var context = await chromium.NewContextAsync(server.BaseUrl, width);
        var page = await context.NewPageAsync();

        var pages = new List<(string Name, Func<Task> Open)>
        {
            ("form", () => page.GotoAsync("/")),
            ("form-errors", async () =>
            {
                await page.GotoAsync("/");
                await page.Locator("#text").FillAsync("Kort");
                await page.Locator("button[type=submit]").ClickAsync();
                await page.Locator(".error-summary").WaitForAsync();
            }),
            ("receipt", () => page.GotoAsync(ResidentSite.Receipt("sv", reference))),
            ("status", () => page.GotoAsync(ResidentSite.Status("sv", reference))),
            ("status-unknown", () => page.GotoAsync(ResidentSite.Status("sv", "0000000000"))),
            ("accessibility", () => page.GotoAsync(ResidentSite.Accessibility("sv"))),
            ("privacy", () => page.GotoAsync(ResidentSite.Privacy("sv"))),
            ("form-en", () => page.GotoAsync("/en")),
        };
        foreach (var (name, open) in pages)
        {
            await open();
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{name} scrolls sideways by {overflow} px at {width} px");
            var shot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
            Assert.NotEmpty(shot);
            if (folder is not null && width != 320)
            {
                Directory.CreateDirectory(folder);
                await File.WriteAllBytesAsync(Path.Combine(folder, $"{name}-{width}.png"), shot, TestContext.Current.CancellationToken);
            }
        }
    }
}
