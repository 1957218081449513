using Deque.AxeCore.Playwright;

namespace Grastorp.Intake.Browser.Tests.Staff;

/// <summary>axe-core on every staff page (WCAG 2.0/2.1 A and AA): zero violations; and screenshots for the README.</summary>
public sealed class StaffPagesAxeTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    [Fact]
    public async Task Every_staff_page_has_no_WCAG_A_or_AA_violation_and_fits_a_phone()
    {
        var references = await StaffSite.SeedAsync(server);
        var folder = Environment.GetEnvironmentVariable("INTAKE_SCREENSHOTS");
        var week = StaffSite.ThisWeek;
        var pages = new (string Role, string Name, string Path, int Status)[]
        {
            ("Kommun", "staff-dashboard", $"/personal/statistik?kommun=alla&period=veckor&fran={week.Previous()}&till={week}&typ=alla", 200),
            ("Kommun", "staff-dashboard-errors", "/personal/statistik?period=veckor&fran=2026-W99&typ=alla", 400),
            ("Kommun", "staff-forbidden", "/personal/tips", 403),
            ("Kommunpolis", "staff-tips", $"/personal/tips?kommun=vara&vecka={week}", 200),
            ("Granskare", "staff-audit", "/personal/granskning", 200),
            ("Kommun", "staff-dashboard-en", $"/en/personal/statistik?kommun=alla&period=veckor&fran={week.Previous()}&till={week}&typ=alla", 200),
            ("Kommun", "staff-dashboard-errors-en", "/en/personal/statistik?kommun=lund&period=veckor&fran=2026-W48&till=2026-W40&typ=brott", 400),
            ("Kommun", "staff-forbidden-en", "/en/personal/tips", 403),
            ("Kommunpolis", "staff-tips-en", $"/en/personal/tips?kommun=vara&vecka={week}", 200),
            ("Granskare", "staff-audit-en", "/en/personal/granskning", 200),
            ("Kommun", "staff-actions", "/personal/atgarder", 200),
            ("Kommunpolis", "staff-tip", $"/personal/tips/{references[2]}", 200),
            ("Kommunpolis", "staff-tip-en", $"/en/personal/tips/{references[2]}", 200),
            ("Kommunpolis", "staff-tip-unknown", "/personal/tips/0000000000", 404),
            ("Kommun", "staff-actions-en", "/en/personal/atgarder", 200),
        };
        foreach (var width in new[] { 1280, 375 })
        {
            foreach (var (role, name, path, status) in pages)
            {
                await using var context = await chromium.NewContextAsync(server.BaseUrl, width);
                var page = await context.NewPageAsync();
                if (name is "staff-dashboard" or "staff-dashboard-en")
                {
                    var english = name.EndsWith("-en", StringComparison.Ordinal);
                    await page.GotoAsync("/dev/logga-in" + (english ? "?post_login_redirect_uri=%2Fen%2Fpersonal%2Fstatistik" : string.Empty));
                    await AssertNoViolationsAsync(page, "dev sign-in");
                    await SaveAsync(page, folder, english ? "staff-dev-sign-in-en" : "staff-dev-sign-in", width);
                }

                await StaffSite.SignInAsync(page, role == "Kommunpolis" ? "Eva Polis" : role == "Granskare" ? "Gun Granskare" : "Kim Kommun", role);
                var response = await page.GotoAsync(path);
                Assert.Equal(status, response!.Status);
                Assert.Equal(name.EndsWith("-en", StringComparison.Ordinal) ? "en" : "sv", await page.Locator("html").GetAttributeAsync("lang"));
                if (name.StartsWith("staff-tips", StringComparison.Ordinal) || name is "staff-tip" or "staff-tip-en")
                {
                    // The seed planted personal data: the page shows it marked, and the marks pass axe too.
                    Assert.True(await page.Locator("#tips mark.pii, article.tip-page mark.pii").CountAsync() > 0, $"{name}: no marks");
                }

                Assert.Equal("no-store", response.Headers["cache-control"]);
                await AssertNoViolationsAsync(page, $"{name} at {width}px");
                if (width < 600)
                {
                    // Wide tables scroll inside their own box; the page itself never scrolls sideways.
                    var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    var wide = overflow <= 0 ? string.Empty : await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right)).join(' ')");
                    Assert.True(overflow <= 0, $"{name} scrolls sideways by {overflow} px at {width} px: {wide}");
                }

                await SaveAsync(page, folder, name, width);
            }
        }

        Assert.NotEmpty(references);
    }

    private static async Task SaveAsync(IPage page, string? folder, string name, int width)
    {
        var shot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
        Assert.NotEmpty(shot);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{name}-{width}.png"), shot, TestContext.Current.CancellationToken);
        }
    }

    private static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(Wcag.AA);
        var report = string.Join('\n', result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"{what}: {report}");
        Assert.NotEmpty(result.Passes);
    }
}
