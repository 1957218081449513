using Deque.AxeCore.Playwright;

namespace Grastorp.Intake.Browser.Tests;

/// <summary>
/// The public follow-up in real Chromium: axe-core at WCAG 2.0/2.1 A and AA finds nothing in either language, the
/// page fits 320 px without sideways scrolling, and it is photographed for docs/screenshots when INTAKE_SCREENSHOTS is set.
/// </summary>
public sealed class FollowUpPageTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    private async Task SeedAsync()
    {
        foreach (var text in new[]
        {
            "Bilar kör för fort på Storgatan varje kväll.",
            "Bilar kör för fort förbi skolan på morgonen.",
            "Mopeder kör för fort på cykelvägen.",
            "Gatlampan vid parken är trasig och det är mörkt.",
        })
        {
            await ResidentSite.SubmitAsync(server.BaseUrl, text, "grastorp");
        }
    }

    [Theory]
    [InlineData("/uppfoljning")]
    [InlineData("/en/follow-up")]
    public async Task The_follow_up_page_has_no_WCAG_A_or_AA_violation(string path)
    {
        await SeedAsync();
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        var result = await page.RunAxe(Wcag.AA);
        var report = string.Join('\n', result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"{path}: {report}");
        Assert.NotEmpty(result.Passes);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    [InlineData(320)]
    public async Task The_follow_up_page_fits_the_width_and_is_photographed(int width)
    {
        await SeedAsync();
        var folder = Environment.GetEnvironmentVariable("INTAKE_SCREENSHOTS");
        await using var context = await chromium.NewContextAsync(server.BaseUrl, width);
        var page = await context.NewPageAsync();

        foreach (var (name, path) in new[] { ("followup", "/uppfoljning"), ("followup-en", "/en/follow-up") })
        {
            await page.GotoAsync(path);
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
