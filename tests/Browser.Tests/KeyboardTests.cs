using System.Text.RegularExpressions;

namespace Grastorp.Intake.Browser.Tests;

/// <summary>The whole form can be filled and sent with Tab, Space, arrows and Enter, and focus is always visible.</summary>
public sealed class KeyboardTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    private static Task<string?> FocusedIdAsync(IPage page) => page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.id");

    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 40 && await FocusedIdAsync(page) != id; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal(id, await FocusedIdAsync(page));
    }

    /// <summary>The focused element draws an outline of at least 3 px, or a box shadow, that it does not have unfocused.</summary>
    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var style = await page.EvaluateAsync<string[]>(
            "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.boxShadow, s.backgroundColor]; }");
        var outline = style[0] != "none" && float.Parse(style[1].Replace("px", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 3;
        Assert.True(outline || style[2] != "none", $"focus not visible on #{await FocusedIdAsync(page)}: {string.Join(" | ", style)}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_form_is_filled_and_sent_with_the_keyboard_alone(bool javaScript)
    {
        await using var context = await chromium.NewContextAsync(server.BaseUrl, javaScript: javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Till innehållet", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await AssertFocusVisibleAsync(page);

        await TabToAsync(page, "kind");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("kind-idea", await FocusedIdAsync(page));

        await TabToAsync(page, "municipality");
        await page.Keyboard.PressAsync("Space");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("municipality-vara", await FocusedIdAsync(page));

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("text", await FocusedIdAsync(page));
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.TypeAsync("Det står en trasig bil vid busshållplatsen sedan en vecka.");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("place", await FocusedIdAsync(page));
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.TypeAsync("Busshållplatsen vid kyrkan");

        await TabToAsync(page, "consent");
        await page.Keyboard.PressAsync("Space");
        await AssertFocusVisibleAsync(page);
        await TabToAsync(page, string.Empty);
        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kvitto/[0-9A-Z]{10}$"));
        var stored = await server.ClassifiedTipAsync(await ResidentSite.ReferenceOnReceiptAsync(page));
        Assert.Equal("vara", stored.GetString("Municipality"));
        Assert.Equal("Idea", stored.GetString("Kind"), ignoreCase: true);
        Assert.Equal("Busshållplatsen vid kyrkan", stored.GetString("Place"));
    }
}
