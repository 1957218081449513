namespace Grastorp.Intake.Browser.Tests.Staff;

/// <summary>
/// #21: the kommunpolis sees, in the tip list and on the tip's page, what the digest and exports hid: each detected item marked where it
/// stands, accessibly (words and shape, not colour alone), with a legend. A fixture of its own, so its seed is the only one.
/// </summary>
public sealed class TipListMarksTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    [Fact]
    public async Task What_the_digest_masks_is_marked_in_the_text_and_place_with_a_legend_and_not_by_colour_alone()
    {
        var references = await StaffSite.SeedAsync(server);
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await StaffSite.SignInAsync(page, "Eva Polis", "Kommunpolis", $"/personal/tips?kommun=vara&vecka={StaffSite.ThisWeek}");

        // The seed's third Vara tip has a plate and a personnummer in its text and an address as its place: marked in
        // the list's first line, and on the tip's own page.
        await Assertions.Expect(page.Locator($"#tip-{references[2]} .first-line mark.pii[data-kind=personnummer]")).ToContainTextAsync(StaffSite.PlantedPersonnummer);
        await Assertions.Expect(page.Locator("#pii-legend-title")).ToHaveTextAsync("Markeringar i texten");
        await page.GotoAsync($"/personal/tips/{references[2]}");
        var planted = page.Locator("article.tip-page");
        var marks = planted.Locator("mark.pii");
        await Assertions.Expect(marks).ToHaveCountAsync(3);
        await Assertions.Expect(planted.Locator(".tip-text mark.pii[data-kind=plate]")).ToContainTextAsync(StaffSite.PlantedPlate);
        await Assertions.Expect(planted.Locator(".tip-text mark.pii[data-kind=personnummer]")).ToContainTextAsync(StaffSite.PlantedPersonnummer);
        await Assertions.Expect(planted.Locator(".summary-row mark.pii[data-kind=address]")).ToContainTextAsync(StaffSite.PlantedPlace);

        // The whole text is still there, in order, with the kind after each value.
        await Assertions.Expect(planted.Locator(".tip-text")).ToContainTextAsync(
            $"bilen {StaffSite.PlantedPlate}registreringsnummer (registreringsnummer – maskeras i sammandraget) tillhör {StaffSite.PlantedPersonnummer}personnummer (personnummer – maskeras i sammandraget) och det langas knark");

        // A screen reader hears what happens to it elsewhere; the eye sees a dashed border and the kind, not only a colour.
        await Assertions.Expect(planted.Locator(".tip-text mark.pii[data-kind=personnummer] .visually-hidden")).ToHaveTextAsync(" (personnummer – maskeras i sammandraget)");
        var style = await marks.First.EvaluateAsync<string[]>("m => { const s = getComputedStyle(m); return [s.borderTopStyle, s.borderTopWidth, s.color, s.backgroundColor]; }");
        Assert.Equal("dashed", style[0]);
        Assert.NotEqual("0px", style[1]);
        await Assertions.Expect(page.Locator("#pii-legend-title")).ToHaveTextAsync("Markeringar i texten");

        // A tip with nothing to mask has no marks; the formula-looking place is shown as text, unmarked.
        await page.GotoAsync($"/personal/tips/{references[1]}");
        await Assertions.Expect(page.Locator("article.tip-page mark.pii")).ToHaveCountAsync(0);

        // In English the same marks speak English.
        await page.GotoAsync($"/en/personal/tips/{references[2]}");
        await Assertions.Expect(page.Locator(".tip-text mark.pii[data-kind=personnummer] .visually-hidden")).ToHaveTextAsync(" (personal identity number – masked in the digest)");
        await Assertions.Expect(page.Locator("#pii-legend-title")).ToHaveTextAsync("Marks in the text");
    }
}
