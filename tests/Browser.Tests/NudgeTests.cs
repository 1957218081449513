using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;

namespace Grastorp.Intake.Browser.Tests;

/// <summary>
/// While the resident writes: the gentle nudge about personal data and "Pågår det just nu? Ring 112.", live with
/// JavaScript (the server's check), on the receipt (and on the form back with errors) without it. Neither ever blocks
/// sending, and the pages stay free of WCAG A/AA violations in both states and both languages.
/// </summary>
public sealed partial class NudgeTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    private const string Personnummer = "Han som säljer heter Jonny och har personnummer 19811218-9876.";
    private const string Now = "det brinner just nu";
    private const string Past = "det brann förra året";
    private const string Both = "Det brinner just nu i förrådet bakom skolan, bilen ABC 123 står utanför.";

    private static string NudgeText(string lang) => lang == "en"
        ? "You don’t need to write names, personal identity numbers or registration numbers – describe what happened and where."
        : "Du behöver inte skriva namn, personnummer eller registreringsnummer – beskriv vad som hänt och var.";

    private static string CueText(string lang) => lang == "en" ? "Is it happening right now? Call 112." : "Pågår det just nu? Ring 112.";

    [GeneratedRegex("/api/tips/check$")]
    private static partial Regex CheckRoute();

    /// <summary>Types into a field and waits for the script's check to come back (debounced), so a test can assert what it showed.</summary>
    private static Task<IResponse> TypeAndWaitForCheckAsync(IPage page, string field, string value) =>
        page.RunAndWaitForResponseAsync(() => page.Locator(field).FillAsync(value), response => CheckRoute().IsMatch(response.Url) && response.Status == 200);

    private static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(Wcag.AA);
        var report = string.Join('\n', result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"{what}: {report}");
        Assert.NotEmpty(result.Passes);
    }

    private static async Task FillTheRestAsync(IPage page)
    {
        await page.Locator("#municipality-vara").CheckAsync();
        await page.Locator("#place").FillAsync("Skolgatan");
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task With_JavaScript_a_personnummer_brings_the_nudge_and_something_happening_now_the_112_cue_but_the_past_does_not(string lang)
    {
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ResidentSite.Home(lang));
        var nudge = page.Locator("#personal-data-nudge");
        var cue = page.Locator("#emergency-now");
        Assert.Equal("polite", await nudge.GetAttributeAsync("aria-live"));
        Assert.Equal("alert", await cue.GetAttributeAsync("role"));
        await Assertions.Expect(nudge).ToBeEmptyAsync();

        await TypeAndWaitForCheckAsync(page, "#text", Personnummer);
        await Assertions.Expect(nudge).ToHaveTextAsync(NudgeText(lang));
        await Assertions.Expect(cue).ToBeEmptyAsync();
        // A nudge, not an error: no error message, no error style, nothing marked invalid, the typing goes on.
        Assert.Equal(0, await page.Locator(".error-message, .error-summary, .input-error, [aria-invalid=true]").CountAsync());
        Assert.NotEqual("rgb(179, 38, 30)", await nudge.EvaluateAsync<string>("n => getComputedStyle(n).color"));
        await Assertions.Expect(page.Locator("#text")).ToBeFocusedAsync();

        await TypeAndWaitForCheckAsync(page, "#text", Now);
        await Assertions.Expect(cue).ToHaveTextAsync(CueText(lang));
        await Assertions.Expect(cue).ToBeVisibleAsync();
        await Assertions.Expect(nudge).ToBeEmptyAsync();

        await TypeAndWaitForCheckAsync(page, "#text", Past);
        await Assertions.Expect(cue).ToBeEmptyAsync();

        // An address in the place alone nudges too.
        await TypeAndWaitForCheckAsync(page, "#place", "Vallgatan 3 lgh 1102");
        await Assertions.Expect(nudge).ToHaveTextAsync(NudgeText(lang));
    }

    [Theory]
    [InlineData("sv", true)]
    [InlineData("en", true)]
    [InlineData("sv", false)]
    [InlineData("en", false)]
    public async Task Sending_is_never_blocked_and_the_receipt_shows_the_112_cue_and_the_nudge(string lang, bool javaScript)
    {
        await using var context = await chromium.NewContextAsync(server.BaseUrl, javaScript: javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ResidentSite.Home(lang));
        // Without a script the form cannot know before sending; the standing line says it for everyone.
        await Assertions.Expect(page.Locator(".callout")).ToContainTextAsync(lang == "en" ? "Call 112." : "Ring 112.");

        await FillTheRestAsync(page);
        if (javaScript)
        {
            await TypeAndWaitForCheckAsync(page, "#text", Both);
            await Assertions.Expect(page.Locator("#emergency-now")).ToHaveTextAsync(CueText(lang));
            await Assertions.Expect(page.Locator("#personal-data-nudge")).ToHaveTextAsync(NudgeText(lang));
            await Assertions.Expect(page.Locator("button[type=submit]")).ToBeEnabledAsync();
        }
        else
        {
            await page.Locator("#text").FillAsync(Both);
        }

        await page.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex((lang == "en" ? "/en/receipt/" : "/kvitto/") + "[0-9A-Z]{10}\\?uppgifter=1&akut=1$"));
        await Assertions.Expect(page.Locator("main #emergency-now")).ToContainTextAsync(CueText(lang));
        await Assertions.Expect(page.Locator("main #personal-data-nudge")).ToContainTextAsync(NudgeText(lang));
        Assert.DoesNotContain("ABC", page.Url, StringComparison.Ordinal);
        var reference = await ResidentSite.ReferenceOnReceiptAsync(page);
        Assert.Equal(Both, (await server.ClassifiedTipAsync(reference)).GetString("Text"));
    }

    [Fact]
    public async Task Without_JavaScript_the_form_back_with_errors_already_shows_both()
    {
        await using var context = await chromium.NewContextAsync(server.BaseUrl, javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Locator("#text").FillAsync($"{Now}, {Personnummer}");
        await page.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#emergency-now")).ToHaveTextAsync(CueText("sv"));
        await Assertions.Expect(page.Locator("#personal-data-nudge")).ToHaveTextAsync(NudgeText("sv"));
        // The nudge is no error: only the municipality is listed.
        Assert.Equal(["#municipality"], await page.Locator(".error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
    }

    [Theory]
    [InlineData("sv", true)]
    [InlineData("en", true)]
    [InlineData("sv", false)]
    [InlineData("en", false)]
    public async Task The_form_and_the_receipt_with_the_nudge_and_the_cue_have_no_WCAG_A_or_AA_violation(string lang, bool javaScript)
    {
        // axe needs JavaScript itself, so "without JavaScript" means the page's own script is not delivered.
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        if (!javaScript)
        {
            await context.RouteAsync("**/assets/intake.js*", route => route.AbortAsync());
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(ResidentSite.Home(lang));
        var state = $"{lang}, JavaScript {(javaScript ? "on" : "off")}";
        if (javaScript)
        {
            await TypeAndWaitForCheckAsync(page, "#text", Both);
        }
        else
        {
            // Sent without a municipality: the server shows the form again, with both.
            await page.Locator("#text").FillAsync(Both);
            await page.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator("#emergency-now")).ToHaveTextAsync(CueText(lang));
        await Assertions.Expect(page.Locator("#personal-data-nudge")).ToHaveTextAsync(NudgeText(lang));
        await AssertNoViolationsAsync(page, $"form with nudge and cue ({state})");

        await page.Locator("#municipality").CheckAsync();
        await page.Locator("button[type=submit]").ClickAsync();
        // The form has boxes of the same ids: wait for the receipt itself.
        await Assertions.Expect(page.Locator("[data-receipt]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main #emergency-now")).ToContainTextAsync(CueText(lang));
        await Assertions.Expect(page.Locator("main #personal-data-nudge")).ToContainTextAsync(NudgeText(lang));
        await AssertNoViolationsAsync(page, $"receipt with nudge and cue ({state})");
    }

    [Fact]
    public async Task With_the_keyboard_alone_the_cue_appears_without_taking_focus_and_the_tip_is_sent()
    {
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        for (var i = 0; i < 40 && await FocusedIdAsync(page) != "municipality"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("text", await FocusedIdAsync(page));
        await page.RunAndWaitForResponseAsync(() => page.Keyboard.TypeAsync(Both), response => CheckRoute().IsMatch(response.Url));
        await Assertions.Expect(page.Locator("#emergency-now")).ToHaveTextAsync(CueText("sv"));
        Assert.Equal("text", await FocusedIdAsync(page));

        // Neither box is a stop on the way: the next Tab is the place, and Enter there sends.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("place", await FocusedIdAsync(page));
        await page.Keyboard.TypeAsync("Skolgatan");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kvitto/[0-9A-Z]{10}\\?uppgifter=1&akut=1$"));
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_nudge_and_the_cue_fit_the_width_and_are_photographed(int width)
    {
        var folder = Environment.GetEnvironmentVariable("INTAKE_SCREENSHOTS");
        await using var context = await chromium.NewContextAsync(server.BaseUrl, width);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await FillTheRestAsync(page);
        await TypeAndWaitForCheckAsync(page, "#text", Both);
        await Assertions.Expect(page.Locator("#personal-data-nudge")).Not.ToBeEmptyAsync();
        await page.Locator("#text").BlurAsync();

        var shots = new List<(string Name, byte[] Png)>
        {
            ("form-nudge", await page.Locator("#text").Locator("xpath=ancestor::div[contains(@class,'form-group')]").ScreenshotAsync(new LocatorScreenshotOptions { Type = ScreenshotType.Png })),
        };
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-receipt]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main #emergency-now")).ToBeVisibleAsync();
        shots.Add(("receipt-nudge", await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Type = ScreenshotType.Png })));

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the receipt scrolls sideways by {overflow} px at {width} px");
        foreach (var (name, png) in shots)
        {
            Assert.NotEmpty(png);
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
                await File.WriteAllBytesAsync(Path.Combine(folder, $"{name}-{width}.png"), png, TestContext.Current.CancellationToken);
            }
        }
    }

    private static Task<string?> FocusedIdAsync(IPage page) => page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.id");
}
