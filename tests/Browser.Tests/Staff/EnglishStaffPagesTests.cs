using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;

namespace Grastorp.Intake.Browser.Tests.Staff;

/// <summary>
/// Every staff page in English under /en/personal/…, reached from the Swedish one by its language link and back, with
/// the same choices kept; theme names from the catalogue in the page's language; the CSV in English only when the
/// English page asks for it.
/// </summary>
public sealed partial class EnglishStaffPagesTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    [GeneratedRegex("^Bar chart: tips per theme and week")]
    private static partial Regex EnglishChartName();

    private static async Task<IPage> SignedInAsync(IBrowserContext context, string name, string role, string returnPath)
    {
        var page = await context.NewPageAsync();
        await StaffSite.SignInAsync(page, name, role, returnPath);
        return page;
    }

    [Fact]
    public async Task The_language_link_goes_to_the_same_page_in_English_and_back_keeping_the_choices()
    {
        await StaffSite.SeedAsync(server);
        var week = StaffSite.ThisWeek;
        var pages = new (string Role, string Path, string SwedishHeading, string EnglishHeading)[]
        {
            ("Kommun", $"/personal/statistik?kommun=vara&period=veckor&fran={week.Previous()}&till={week}&typ=idea", "Statistik över tips", "Tip statistics"),
            ("Kommunpolis", $"/personal/tips?kommun=vara&vecka={week}&typ=alla&tema=alla", $"Tips vecka {week} – Vara", $"Tips week {week} – Vara"),
            ("Granskare", "/personal/granskning", "Granskningslogg", "Audit log"),
            ("Kommun", "/personal/tips", "Du saknar behörighet", "You do not have access"),
        };
        foreach (var (role, path, swedish, english) in pages)
        {
            await using var context = await chromium.NewContextAsync(server.BaseUrl);
            var page = await SignedInAsync(context, "Robin " + role, role, path);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(swedish);

            await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
            await page.ArrivedAtAsync(url => url.PathAndQuery == "/en" + path);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(english);
            await Assertions.Expect(page).ToHaveTitleAsync(new Regex($"^{Regex.Escape(english)} – Staff – Tip off the community police$"));
            Assert.DoesNotContain("Inloggad", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Link, new() { Name = "Svenska", Exact = true }).ClickAsync();
            await page.ArrivedAtAsync(url => url.PathAndQuery == path);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(swedish);
        }
    }

    [Fact]
    public async Task The_English_dashboard_names_themes_in_English_and_its_CSV_has_an_English_header_with_the_BOM_and_semicolons()
    {
        await StaffSite.SeedAsync(server);
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await SignedInAsync(context, "Kim Kommun", "Kommun", "/en/personal/statistik");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = EnglishChartName() })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Tips per theme and week – All municipalities, all kinds" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#counts thead th")).ToHaveTextAsync(["Week", "Drugs", "Traffic", "Burglary and theft", "Other", "All tips"]);
        await Assertions.Expect(page.Locator("nav.staff-nav a").First).ToHaveTextAsync("Statistics");

        // The link the page offers downloads the English CSV (a real click, so a wrong href fails here).
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#csv-link").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using (var csv = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { Separator = ';' }))
        {
            Assert.True(csv.Read());
            Assert.Equal(["Week", "Municipality", "Kind", "Drugs", "Traffic", "Burglary and theft", "Other", "All tips"], csv.Headers);
            Assert.Equal("All municipalities", csv.GetString(1));
            Assert.Equal("All kinds", csv.GetString(2));
        }

        // The Swedish page's link gives the Swedish CSV, as before.
        await page.GetByRole(AriaRole.Link, new() { Name = "Svenska", Exact = true }).ClickAsync();
        var swedish = await page.RunAndWaitForDownloadAsync(() => page.Locator("#csv-link").ClickAsync());
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await swedish.PathAsync())!, TestContext.Current.CancellationToken));
        Assert.StartsWith("\uFEFFVecka;Kommun;Typ;Droger;Trafik;Inbrott och stöld;Övrigt;Alla tips", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_English_dev_sign_in_and_tip_list_stay_English_through_a_correction()
    {
        var references = await StaffSite.SeedAsync(server);
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        var list = $"/en/personal/tips?kommun=vara&vecka={StaffSite.ThisWeek}";
        await page.GotoAsync($"/dev/logga-in?post_login_redirect_uri={Uri.EscapeDataString(list)}");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in (development)");
        await Assertions.Expect(page.Locator("label[for=role-kommunpolis]")).ToHaveTextAsync("Kommunpolis (community police)");
        await page.Locator("#name").FillAsync("Eva Polis");
        await page.Locator("#role-kommunpolis").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArrivedAtAsync(url => url.PathAndQuery == list);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Open {references[0]}" }).ClickAsync();
        await page.ArrivedAtAsync(url => url.AbsolutePath == $"/en/personal/tips/{references[0]}");
        await Assertions.Expect(page.Locator("#tip-themes")).ToContainTextAsync("Traffic – decided by: fort");
        await page.Locator($"#tema-{references[0]}-other").CheckAsync();
        await page.Locator($"#tema-{references[0]}-traffic").UncheckAsync();
        await page.Locator($"#tema-{references[0]}-drugs").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Save the themes of {references[0]}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".success")).ToContainTextAsync($"The themes of {references[0]} are corrected.");
        Assert.StartsWith($"/en/personal/tips/{references[0]}?", new Uri(page.Url).PathAndQuery, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#classified-themes")).ToContainTextAsync("The classification was: Traffic, Drugs.");
    }
}
