using System.Text.RegularExpressions;

namespace Grastorp.Intake.Browser.Tests.Staff;

/// <summary>
/// A wrong value in the dashboard's GET form gets the resident form's GOV.UK pattern, never a 500: status 400, "Fel: "
/// before the title, a summary above the h1 (focused on load) linking to the field, the message at the field with a
/// hidden "Fel:", and aria-invalid. With the keyboard, a summary link puts focus in the field.
/// </summary>
public sealed class DashboardErrorTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    private static Task<string?> FocusedIdAsync(IPage page) => page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.id");

    [Theory]
    [InlineData("kommun=lund&period=senaste-8&typ=alla", "kommun", "Välj en kommun i listan.")]
    [InlineData("kommun=alla&period=veckor&fran=2026-W48&till=2026-W40&typ=alla", "fran", "Från-veckan måste vara samma som eller före till-veckan.")]
    [InlineData("kommun=alla&period=veckor&fran=vecka+40&till=2026-W48&typ=alla", "fran", "Skriv från-veckan som år och vecka, till exempel 2026-W40.")]
    [InlineData("kommun=alla&period=veckor&fran=2026-W40&till=2026-W99&typ=alla", "till", "Skriv till-veckan som år och vecka, till exempel 2026-W48.")]
    [InlineData("kommun=alla&period=senaste-8&typ=brott", "typ", "Välj tips, idéer eller synpunkter i listan.")]
    [InlineData("kommun=alla&period=veckor&fran=2020-W01&till=2026-W48&typ=alla", "fran", "Välj en period på högst 106 veckor.")]
    [InlineData("kommun=alla&period=i-morgon&typ=alla", "period", "Välj en period i listan.")]
    public async Task A_wrong_value_shows_the_error_summary_and_the_message_at_the_field(string query, string field, string message)
    {
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await StaffSite.SignInAsync(page, "Kim Kommun", "Kommun");

        var response = await page.GotoAsync($"/personal/statistik?{query}");
        Assert.Equal(400, response!.Status);
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Fel: Statistik över tips"));

        // The summary is above the h1, focused on load, and links to the field in the field's words.
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => !!(document.querySelector('.error-summary').compareDocumentPosition(document.querySelector('h1')) & Node.DOCUMENT_POSITION_FOLLOWING)"));
        var link = summary.GetByRole(AriaRole.Link, new() { Name = message });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "#" + field);

        // At the field: the message with its hidden prefix, tied to the field, which is marked invalid.
        await Assertions.Expect(page.Locator($"#{field}-error")).ToHaveTextAsync($"Fel: {message}");
        await Assertions.Expect(page.Locator($"#{field}")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Contains($"{field}-error", (await page.Locator($"#{field}").GetAttributeAsync("aria-describedby"))!.Split(' '));
        await Assertions.Expect(page.Locator($".form-group-error #{field}")).ToHaveCountAsync(1);

        // Keyboard: from the focused summary, Tab reaches the link and Enter moves focus into the field.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(link).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(field, await FocusedIdAsync(page));

        // Only the wrong field is marked.
        Assert.Equal(1, await page.Locator("[aria-invalid=true]").CountAsync());
    }

    [Fact]
    public async Task In_English_the_title_summary_and_messages_are_English_and_list_the_fields_in_page_order()
    {
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await StaffSite.SignInAsync(page, "Kim Kommun", "Kommun", "/en/personal/statistik");

        var response = await page.GotoAsync("/en/personal/statistik?kommun=lund&period=veckor&fran=2026-W48&till=2026-W40&typ=brott");
        Assert.Equal(400, response!.Status);
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Tip statistics – Staff"));
        await Assertions.Expect(page.Locator(".error-summary-title")).ToHaveTextAsync("There is a problem");
        await Assertions.Expect(page.Locator(".error-summary-list a")).ToHaveTextAsync(
            ["Choose a municipality from the list.", "The from week must be the same as or before the to week.", "Choose tips, ideas or feedback from the list."]);
        await Assertions.Expect(page.Locator("#typ-error")).ToHaveTextAsync("Error: Choose tips, ideas or feedback from the list.");
        Assert.Equal(3, await page.Locator("[aria-invalid=true]").CountAsync());

        // The typed values are kept, so the person corrects rather than retypes.
        await Assertions.Expect(page.Locator("#fran")).ToHaveValueAsync("2026-W48");
        await Assertions.Expect(page.Locator("#till")).ToHaveValueAsync("2026-W40");

        // Correcting and sending again shows the dashboard, in English, with 200.
        await page.Locator("#kommun").SelectOptionAsync("vara");
        await page.Locator("#fran").FillAsync("2026-W40");
        await page.Locator("#till").FillAsync("2026-W48");
        await page.Locator("#typ").SelectOptionAsync("tip");
        var fixedResponse = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync(),
            r => new Uri(r.Url).AbsolutePath == "/en/personal/statistik");
        Assert.Equal(200, fixedResponse.Status);
        Assert.StartsWith("/en/personal/statistik?", new Uri(page.Url).PathAndQuery, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".error-summary")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("fran=2026-W01&till=2026-W01&period=veckor&kommun=alla&typ=alla&kommun=%00")]
    [InlineData("period=veckor&fran=9999-W52&till=9999-W52")]
    [InlineData("period=veckor&fran=0001-W01&till=0001-W01")]
    [InlineData("period=veckor&fran=-2026-W01&till=2026-W48")]
    public async Task Odd_values_are_never_a_500(string query)
    {
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await StaffSite.SignInAsync(page, "Kim Kommun", "Kommun");
        foreach (var path in new[] { "/personal/statistik", "/en/personal/statistik" })
        {
            var response = await page.GotoAsync($"{path}?{query}");
            Assert.True(response!.Status is 200 or 400, $"{path}?{query}: {response.Status}");
        }

        // The CSV downloads, so it is fetched with the page's cookies rather than opened.
        var csv = await context.APIRequest.GetAsync($"/personal/statistik/csv?{query}");
        Assert.True(csv.Status is 200 or 400, $"csv?{query}: {csv.Status}");
    }
}
