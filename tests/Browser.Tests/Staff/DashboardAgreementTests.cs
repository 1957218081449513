using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Grastorp.Intake.Browser.Tests.Staff;

/// <summary>The dashboard's chart, its table and its CSV show the same numbers as /api/stats, for every filter.</summary>
public sealed class DashboardAgreementTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    [Fact]
    public async Task Chart_bars_table_and_csv_agree_with_the_api_for_every_filter()
    {
        await StaffSite.SeedAsync(server);
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await StaffSite.SignInAsync(page, "Kim Kommun", "Kommun");
        using var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var (from, to) = (StaffSite.LastWeek.ToString(), StaffSite.ThisWeek.ToString());
        var checkedCells = 0;

        foreach (var municipality in new[] { "alla", "grastorp", "vara", "essunga" })
        {
            foreach (var kind in new[] { "alla", "tip", "idea", "feedback" })
            {
                var query = $"kommun={municipality}&period=veckor&fran={from}&till={to}&typ={kind}";
                var response = await page.GotoAsync($"/personal/statistik?{query}");
                Assert.Equal(200, response!.Status);

                // The API's answer: the one municipality's series, or the combined one it calls "all".
                var json = JsonDocument.Parse(await api.GetStringAsync($"/api/stats?from={from}&to={to}&municipality={(municipality == "alla" ? "all" : municipality)}&kind={(kind == "alla" ? "all" : kind)}", TestContext.Current.CancellationToken));
                var series = municipality == "alla" ? json.RootElement.GetProperty("all") : json.RootElement.GetProperty("municipalities")[0].GetProperty("counts");
                var themes = json.RootElement.GetProperty("themes").EnumerateArray().Select(t => t.GetString()!).ToList();

                var csvBytes = await (await context.APIRequest.GetAsync($"/personal/statistik/csv?{query}")).BodyAsync();
                Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
                using var csv = CsvReader.Create(new MemoryStream(csvBytes), new CsvReaderOptions { Separator = ';' });
                var csvRows = new Dictionary<string, string[]>();
                while (csv.Read())
                {
                    csvRows[csv.GetString(0)] = [.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i))];
                }

                Assert.Equal("Vecka", csv.Headers[0]);
                foreach (var week in series.GetProperty("weeks").EnumerateArray())
                {
                    var id = week.GetProperty("week").GetString()!;
                    for (var t = 0; t < themes.Count; t++)
                    {
                        var expected = week.GetProperty("themes").GetProperty(themes[t]).GetInt32().ToString(CultureInfo.InvariantCulture);
                        Assert.Equal(expected, await page.Locator($"rect.bar[data-week='{id}'][data-theme='{themes[t]}']").GetAttributeAsync("data-count"));
                        Assert.Equal(expected, await page.Locator($"#counts tr[data-week='{id}'] td[data-theme='{themes[t]}']").InnerTextAsync());
                        Assert.Equal(expected, csvRows[id][3 + t]);
                        checkedCells++;
                    }

                    var tips = week.GetProperty("tips").GetInt32().ToString(CultureInfo.InvariantCulture);
                    Assert.Equal(tips, await page.Locator($"#counts tr[data-week='{id}'] td[data-theme='all']").InnerTextAsync());
                    Assert.Equal(tips, csvRows[id][^1]);
                }

                Assert.Equal(series.GetProperty("total").GetProperty("tips").GetInt32().ToString(CultureInfo.InvariantCulture), await page.Locator(".total[data-theme='all'] .total-value").InnerTextAsync());
                Assert.Equal(series.GetProperty("total").GetProperty("tips").GetInt32().ToString(CultureInfo.InvariantCulture), csvRows["Summa"][^1]);
            }
        }

        // 16 filters × 2 weeks × 4 themes, and the seed put something in each municipality and week.
        Assert.Equal(16 * 2 * 4, checkedCells);
        await page.GotoAsync($"/personal/statistik?kommun=alla&period=veckor&fran={from}&till={to}&typ=alla");
        Assert.NotEqual("0", await page.Locator(".total[data-theme='all'] .total-value").InnerTextAsync());
    }

    [Fact]
    public async Task The_chart_has_an_accessible_name_and_the_table_as_its_text_alternative()
    {
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await StaffSite.SignInAsync(page, "Kim Kommun", "Kommun");

        var chart = page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Stapeldiagram: tips per tema och vecka") });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Tips per tema och vecka – Alla kommuner, alla typer" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#counts thead th")).ToHaveTextAsync(["Vecka", "Droger", "Trafik", "Inbrott och stöld", "Övrigt", "Alla tips"]);
    }
}
