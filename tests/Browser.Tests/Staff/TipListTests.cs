using System.Text.Json;

namespace Grastorp.Intake.Browser.Tests.Staff;

/// <summary>The kommunpolis lists this week's tips, opens one and corrects it, and the auditor sees it all in the log.</summary>
public sealed class TipListTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    private async Task<(int Drugs, int Traffic, int Burglary, int Tips)> VaraCountsAsync()
    {
        using var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var json = JsonDocument.Parse(await api.GetStringAsync($"/api/stats?from={StaffSite.ThisWeek}&to={StaffSite.ThisWeek}&municipality=vara", TestContext.Current.CancellationToken));
        var total = json.RootElement.GetProperty("municipalities")[0].GetProperty("counts").GetProperty("total");
        var themes = total.GetProperty("themes");
        return (themes.GetProperty("drugs").GetInt32(), themes.GetProperty("traffic").GetInt32(), themes.GetProperty("burglary").GetInt32(), total.GetProperty("tips").GetInt32());
    }

    [Fact]
    public async Task A_correction_moves_exactly_one_count_is_applied_once_and_shows_in_the_audit_log()
    {
        var references = await StaffSite.SeedAsync(server);
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await StaffSite.SignInAsync(page, "Eva Polis", "Kommunpolis", $"/personal/tips?kommun=vara&vecka={StaffSite.ThisWeek}");

        // Newest first: the seed's first tip in Vara this week was received last. The list is a table of first lines.
        var listed = await page.Locator("#tips tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.id.substring(4))");
        Assert.Equal(references.ToHashSet(), listed.ToHashSet());
        Assert.Equal(references[0], listed[0]);
        await Assertions.Expect(page.Locator($"#tip-{references[0]} .first-line")).ToContainTextAsync("det langas knark");

        // Its link opens the tip's own page, where it is read and corrected.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Öppna {references[0]}" }).ClickAsync();
        await page.ArrivedAtAsync(url => url.AbsolutePath == $"/personal/tips/{references[0]}");
        await Assertions.Expect(page.Locator("#tip-text")).ToContainTextAsync("det langas knark");
        await Assertions.Expect(page.Locator("#tip-themes")).ToContainTextAsync("Trafik – avgjordes av: fort");

        // The first Vara tip of the seed is a Trafik + Droger tip: take Droger away, add Inbrott och stöld.
        var before = await VaraCountsAsync();
        var form = page.Locator("form.correction");
        var formData = await form.EvaluateAsync<Dictionary<string, string>>("f => Object.fromEntries(new FormData(f))");
        await form.Locator($"#tema-{references[0]}-drugs").UncheckAsync();
        await form.Locator($"#tema-{references[0]}-burglary").CheckAsync();
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".success")).ToContainTextAsync("är rättade");
        Assert.Equal($"/personal/tips/{references[0]}", new Uri(page.Url).AbsolutePath);

        var after = await VaraCountsAsync();
        Assert.Equal((before.Drugs - 1, before.Traffic, before.Burglary + 1, before.Tips), after);
        await Assertions.Expect(page.Locator("#classified-themes")).ToContainTextAsync("Klassificeringen var: Trafik, Droger");

        // The same form (same key) sent again, as a double click or a resent post would: nothing moves.
        var again = await context.APIRequest.PostAsync("/personal/tips/rattelse", new() { Form = FormOf(context, formData, ["traffic", "burglary"]), Headers = new Dictionary<string, string> { ["Origin"] = server.BaseUrl }, MaxRedirects = 0 });
        Assert.Equal(303, again.Status);
        Assert.Contains("resultat=alreadyapplied", again.Headers["location"], StringComparison.Ordinal);
        Assert.StartsWith($"/personal/tips/{references[0]}?", again.Headers["location"], StringComparison.Ordinal);
        Assert.Equal(after, await VaraCountsAsync());

        // A post another site made the browser send is refused before anything changes.
        var crossSite = await context.APIRequest.PostAsync("/personal/tips/rattelse", new()
        {
            Form = FormOf(context, formData, ["other"], key: new string('c', 32)),
            Headers = new Dictionary<string, string> { ["Origin"] = "https://evil.example", ["Sec-Fetch-Site"] = "cross-site" },
            MaxRedirects = 0,
        });
        Assert.Equal(403, crossSite.Status);
        Assert.Equal(after, await VaraCountsAsync());

        // The auditor sees the list shown, the tip opened and the one correction; never the text.
        await using var auditor = await chromium.NewContextAsync(server.BaseUrl);
        var auditPage = await auditor.NewPageAsync();
        await StaffSite.SignInAsync(auditPage, "Gun Granskare", "Granskare", "/personal/granskning");
        await Assertions.Expect(auditPage.Locator($"tr[data-reference='{references[0]}'][data-action='Corrected']")).ToHaveCountAsync(1);
        await Assertions.Expect(auditPage.Locator($"tr[data-reference='{references[0]}'][data-action='Corrected']")).ToContainTextAsync("Eva Polis");
        await Assertions.Expect(auditPage.Locator($"tr[data-reference='{references[0]}'][data-action='Viewed']")).ToHaveCountAsync(1);
        await Assertions.Expect(auditPage.Locator($"tr[data-reference='{references[^1]}'][data-action='Viewed']")).ToHaveCountAsync(0);
        Assert.True(await auditPage.Locator("tr[data-action='ListViewed']").CountAsync() >= 1);
        await Assertions.Expect(auditPage.Locator($"tr[data-reference='{references[0]}'][data-action='Corrected'] td").Last).ToHaveTextAsync("→ Trafik, Inbrott och stöld");
        Assert.DoesNotContain("langas", await auditPage.ContentAsync(), StringComparison.Ordinal);
    }

    private static IFormData FormOf(IBrowserContext context, Dictionary<string, string> fields, string[] themes, string? key = null)
    {
        var form = context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields.Where(f => f.Key != "tema"))
        {
            form.Append(name, name == "nyckel" && key is not null ? key : value);
        }

        foreach (var theme in themes)
        {
            form.Append("tema", theme);
        }

        return form;
    }
}
