using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Browser.Tests.Staff;

/// <summary>
/// The dashboard on a phone (375 px wide): every chart label shown is drawn at 12 px or more (its computed size times
/// the drawing's scale), and no cell of the counts table, the chart or the totals lies outside the screen.
/// </summary>
public sealed class DashboardPhoneTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    private const string Measure = """
        () => {
          const width = document.documentElement.clientWidth;
          const svg = document.querySelector('svg.chart');
          const box = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width ? svg.viewBox.baseVal.width : 0;
          const scale = box ? svg.getBoundingClientRect().width / box : 1;
          const labels = [...svg.querySelectorAll('text')].filter(t => getComputedStyle(t).display !== 'none')
            .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
          const outside = [...document.querySelectorAll('#counts th, #counts td, svg.chart, .total')]
            .map(e => e.getBoundingClientRect())
            .filter(r => r.left < -0.5 || r.right > width + 0.5).length;
          return [width, Math.min(...labels), labels.length, outside];
        }
        """;

    [Fact]
    public async Task At_375_px_chart_labels_are_at_least_12_px_and_no_column_is_off_screen()
    {
        await StaffSite.SeedAsync(server);
        await using var context = await chromium.NewContextAsync(server.BaseUrl, width: 375);
        var page = await context.NewPageAsync();
        await StaffSite.SignInAsync(page, "Kim Kommunpolis", "Kommunpolis");

        // Fourteen weeks: more week labels than a phone has room for.
        var from = WeekId.Containing(StaffSite.ThisWeek.Monday.AddDays(-7 * 13));
        await page.GotoAsync($"/personal/statistik?kommun=alla&period=veckor&fran={from}&till={StaffSite.ThisWeek}&typ=alla");
        var measured = await page.EvaluateAsync<double[]>(Measure);
        var (width, smallest, labels, outside) = (measured[0], measured[1], measured[2], measured[3]);

        Assert.Equal(375, width);
        Assert.True(labels >= 5, $"{labels} labels");
        Assert.True(smallest >= 12, $"smallest chart label {smallest:0.0} px");
        Assert.Equal(0, outside);
    }
}
