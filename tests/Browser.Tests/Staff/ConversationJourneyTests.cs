using Deque.AxeCore.Playwright;
using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Tips.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Browser.Tests.Staff;

/// <summary>
/// Issue #32's "done", in real Chromium against the DevHost: a resident sends a tip without contact, the officer asks
/// a question on the tip page, the resident opens the status page with the code (script off, then on) and answers,
/// the officer sees the answer flagged in the list and the digest preview, then retention removes the thread. axe
/// finds nothing on either side; screenshots of both at 1280 and 375 px.
/// </summary>
public sealed class ConversationJourneyTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    private const string Question = "Tack för tipset. Vilken tid på kvällen brukar det hända?";
    private const string FirstAnswer = "Oftast runt nio, efter att bussen har gått.";
    private const string SecondAnswer = "I fredags var det också två bilar där.";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<string> DigestHtmlAsync()
    {
        var services = server.Services;
        var recipients = services.GetRequiredService<IOptions<DigestOptions>>().Value.Recipients[0];
        var digest = await services.GetRequiredService<DigestComposer>().ComposeAsync(StaffSite.ThisWeek, recipients, Token);
        return (await services.GetRequiredService<DigestMessageFactory>().CreateAsync(digest, 0, Token)).Html;
    }

    /// <summary>The resident opens the status page, types the code into the lookup form and answers; the code never in the address.</summary>
    private static async Task AnswerAsync(IPage resident, string reference, string answer)
    {
        await resident.GotoAsync("/status");
        await resident.Locator("#reference").FillAsync(reference);
        await resident.GetByRole(AriaRole.Button, new() { Name = "Visa status" }).ClickAsync();
        await Assertions.Expect(resident.Locator("#conversation")).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator(".thread .message-staff").First).ToContainTextAsync(Question);
        Assert.DoesNotContain(reference, resident.Url, StringComparison.OrdinalIgnoreCase);
        await resident.Locator("#svar").FillAsync(answer);
        await resident.GetByRole(AriaRole.Button, new() { Name = "Skicka svaret" }).ClickAsync();
        await Assertions.Expect(resident.Locator("#answer-sent")).ToBeVisibleAsync();
        await Assertions.Expect(resident.Locator(".thread .message-resident").Last).ToContainTextAsync(answer);
        Assert.DoesNotContain(reference, resident.Url, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task AxeCleanAsync(IPage page, string what)
    {
        var result = await page.RunAxe(Wcag.AA);
        Assert.True(result.Violations.Length == 0, $"{what}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{what} scrolls sideways by {overflow} px");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var shot = await page.ScreenshotAsync(new() { FullPage = true, Type = ScreenshotType.Png });
        if (Environment.GetEnvironmentVariable("INTAKE_SCREENSHOTS") is { } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name), shot, Token);
        }
    }

    [Fact]
    public async Task The_officer_asks_the_resident_answers_with_the_code_with_and_without_script_and_retention_removes_the_thread()
    {
        var reference = await ResidentSite.SubmitAsync(server.BaseUrl, "Det säljs narkotika vid busshållplatsen vid skolan på kvällarna.", "grastorp");
        await server.ClassifiedTipAsync(reference);

        // The officer asks on the tip page.
        await using var staffContext = await chromium.NewContextAsync(server.BaseUrl);
        var officer = await staffContext.NewPageAsync();
        await StaffSite.SignInAsync(officer, "Eva Polis", "Kommunpolis", $"/personal/tips/{reference}");
        await officer.Locator($"#meddelande-{reference}").FillAsync(Question);
        await officer.GetByRole(AriaRole.Button, new() { Name = $"Skicka meddelandet (tips {reference})" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".success")).ToContainTextAsync("är skickat");
        await Assertions.Expect(officer.Locator("#conversation .message-staff")).ToContainTextAsync(Question);

        // The resident answers, first without script, then with it.
        await using var noScript = await chromium.NewContextAsync(server.BaseUrl, javaScript: false);
        await AnswerAsync(await noScript.NewPageAsync(), reference, FirstAnswer);
        await using var withScript = await chromium.NewContextAsync(server.BaseUrl);
        var resident = await withScript.NewPageAsync();
        await AnswerAsync(resident, reference, SecondAnswer);

        // The officer sees "Nytt svar" in the list and in the digest preview (a reference and a link, no text).
        await officer.GotoAsync("/personal/tips?kommun=grastorp");
        await Assertions.Expect(officer.Locator($"tr[data-reference='{reference}'] [data-new-answer]")).ToBeVisibleAsync();
        var digest = await DigestHtmlAsync();
        Assert.Contains($"Nytt svar – tips {reference}", digest, StringComparison.Ordinal);
        Assert.DoesNotContain(FirstAnswer, digest, StringComparison.Ordinal);
        Assert.DoesNotContain(Question, digest, StringComparison.Ordinal);

        // Both sides: axe in both languages, and screenshots at both widths.
        foreach (var width in new[] { 1280, 375 })
        {
            await officer.SetViewportSizeAsync(width, 900);
            await resident.SetViewportSizeAsync(width, 900);
            await officer.GotoAsync($"/personal/tips/{reference}");
            await Assertions.Expect(officer.Locator("#conversation .message-resident").Last).ToContainTextAsync(SecondAnswer);
            await AxeCleanAsync(officer, $"tip page at {width}px");
            await ScreenshotAsync(officer, $"tip-conversation-{width}.png");
            foreach (var lang in ResidentSite.Languages)
            {
                await resident.GotoAsync(ResidentSite.Status(lang));
                await resident.Locator("#reference").FillAsync(reference);
                await resident.Locator(".lookup-form button[type=submit]").ClickAsync();
                await Assertions.Expect(resident.Locator(".thread .message")).ToHaveCountAsync(3);
                await AxeCleanAsync(resident, $"status page ({lang}) at {width}px");
                if (lang == "sv")
                {
                    await ScreenshotAsync(resident, $"status-conversation-{width}.png");
                }
            }
        }

        // Opening the tip read the answers: the flag is gone from the list.
        await officer.GotoAsync("/personal/tips?kommun=grastorp");
        await Assertions.Expect(officer.Locator($"tr[data-reference='{reference}'] [data-new-answer]")).ToHaveCountAsync(0);

        // Retention (its store step, with a cut-off past the tip) removes the text and the thread with it.
        Assert.Equal(1, await server.Services.GetRequiredService<Grastorp.Intake.Core.Tips.Store.Removal.TipContentRemover>().RemoveContentAsync(DateTimeOffset.UtcNow.AddDays(1), 10, Token));
        await officer.GotoAsync($"/personal/tips/{reference}");
        await Assertions.Expect(officer.Locator("#conversation .message")).ToHaveCountAsync(0);
        await resident.GotoAsync("/status");
        await resident.Locator("#reference").FillAsync(reference);
        await resident.Locator(".lookup-form button[type=submit]").ClickAsync();
        await Assertions.Expect(resident.Locator(".thread .message")).ToHaveCountAsync(0);
    }
}
