using System.Text.Json;
using Deque.AxeCore.Playwright;
using Grastorp.Intake.Core;
using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Browser.Tests.Staff;

/// <summary>
/// Issue #30's Monday, in real Chromium against the DevHost: the kommunpolis, signed out, follows the digest's first
/// tip link through sign-in to that tip; then follows every tip link of the digest to its page; corrects a theme,
/// moves the stage and writes to the resident on one; and the message is in the resident's conversation. axe-core finds nothing on the
/// tip page in either language; screenshots of it at 1280 and 375 px for the README.
/// </summary>
public sealed class DigestToTipTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    private const string Reply = "Tack för tipset. Vi har pratat med skolan och gör kontroller under veckan.";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>This week's digest as the kommunpolis gets it, its links pointing at this test's server (the configured base URL replaced).</summary>
    private async Task<string> DigestHtmlAsync()
    {
        var services = server.Services;
        var recipients = services.GetRequiredService<IOptions<DigestOptions>>().Value.Recipients[0];
        var digest = await services.GetRequiredService<DigestComposer>().ComposeAsync(StaffSite.ThisWeek, recipients, Token);
        var message = await services.GetRequiredService<DigestMessageFactory>().CreateAsync(digest, 0, Token);
        var configured = services.GetRequiredService<IOptions<SiteOptions>>().Value.BaseUrl!.AbsoluteUri.TrimEnd('/');
        return message.Html.Replace(configured, server.BaseUrl, StringComparison.Ordinal);
    }

    private async Task<string> StageAsync(string reference)
    {
        using var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        return JsonDocument.Parse(await api.GetStringAsync($"/api/tips/{reference}", Token)).RootElement.GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task From_the_digest_through_sign_in_to_each_tip_then_correct_move_write_and_the_resident_sees_the_message()
    {
        string[] texts =
        [
            "Det säljs narkotika vid busshållplatsen vid skolan varje kväll efter sju.",
            "Inbrott i flera förråd på Kyrkogatan i helgen, dörrarna var uppbrutna.",
            "Det brinner just nu i ett förråd på Storgatan 5 efter ett inbrott, och bilen ABC 123 står utanför!",
        ];
        var references = new List<string>();
        foreach (var text in texts)
        {
            var reference = await ResidentSite.SubmitAsync(server.BaseUrl, text, "grastorp");
            await server.ClassifiedTipAsync(reference);
            references.Add(reference);
        }

        var html = await DigestHtmlAsync();
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var mail = await context.NewPageAsync();
        await mail.SetContentAsync(html);
        var tipLinks = await mail.Locator("a[href*='/personal/tips/']").EvaluateAllAsync<string[]>("links => [...new Set(links.map(a => a.href))]");
        Assert.Equal(references.Select(r => $"{server.BaseUrl}/personal/tips/{r}").Order(), tipLinks.Order());

        // Signed out: the first link goes through sign-in and lands on that tip.
        var page = await context.NewPageAsync();
        await page.GotoAsync(tipLinks[0]);
        await page.ArrivedAtAsync(url => url.AbsolutePath == "/dev/logga-in");
        await page.Locator("#name").FillAsync("Eva Polis");
        await page.Locator("#role-kommunpolis").CheckAsync();
        await page.Locator("button[type=submit]").ClickAsync();
        await page.ArrivedAtAsync(url => url.AbsoluteUri == tipLinks[0]);

        // Every tip link of the digest opens its tip's page, and reads it. A mail program hands a clicked link to the
        // browser as a new navigation of its own (Sec-Fetch-Site: none), which is what GotoAsync does.
        foreach (var link in tipLinks)
        {
            var reference = link[(link.LastIndexOf('/') + 1)..];
            var opened = await context.NewPageAsync();
            await opened.GotoAsync(link);
            await opened.ArrivedAtAsync(url => url.AbsoluteUri == link);
            Assert.Equal("read", await StageAsync(reference));
            await Assertions.Expect(opened.Locator("h1")).ToContainTextAsync(reference);
            await Assertions.Expect(opened.Locator("#tip-text")).ToContainTextAsync(texts[references.IndexOf(reference)][..20]);
            await opened.CloseAsync();
        }

        // The urgent one shows the 112 flag, its deciding words marked in the text (never a feature name) and what
        // the digest masks marked too; opening it read it.
        var urgent = references[2];
        await page.GotoAsync($"/personal/tips/{urgent}");
        await Assertions.Expect(page.Locator("#emergency-flag")).ToContainTextAsync("Ring 112");
        await Assertions.Expect(page.Locator("#tip-text mark.decisive").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#tip-text mark.pii[data-kind=plate]")).ToContainTextAsync("ABC 123");
        Assert.DoesNotContain("~", await page.Locator("#tip-themes").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("read", await StageAsync(urgent));
        var first = urgent;

        // Correct a theme: add Trafik beside what the classifier said, which stays in view.
        await page.Locator($"#tema-{first}-traffic").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Spara teman för {first}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".success")).ToContainTextAsync("är rättade");
        await Assertions.Expect(page.Locator("#classified-themes")).ToContainTextAsync("Klassificeringen var:");
        await Assertions.Expect(page.Locator("#tip-themes li[data-theme=traffic]")).ToContainTextAsync("Trafik");

        // Move the stage, then write to the resident in the tip's conversation.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Markera som vidareskickat (tips {first})" }).ClickAsync();
        await Assertions.Expect(page.Locator(".stage")).ToHaveTextAsync("Steg: Vidareskickat");
        Assert.Equal("forwarded", await StageAsync(first));
        await page.Locator($"#meddelande-{first}").FillAsync(Reply);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Skicka meddelandet (tips {first})" }).ClickAsync();
        await Assertions.Expect(page.Locator(".success")).ToContainTextAsync("är skickat");
        Assert.Equal($"/personal/tips/{first}", new Uri(page.Url).AbsolutePath);

        // The resident, with the code posted on the status page, sees the message.
        await using var residentContext = await chromium.NewContextAsync(server.BaseUrl);
        var resident = await residentContext.NewPageAsync();
        await resident.GotoAsync("/status");
        await resident.Locator("#reference").FillAsync(first);
        await resident.Locator(".lookup-form button[type=submit]").ClickAsync();
        await Assertions.Expect(resident.Locator(".thread .message-staff .message-text")).ToHaveTextAsync(Reply);

        // axe on the tip page in both languages, and at both widths; screenshots for the README.
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var path in new[] { $"/personal/tips/{urgent}", $"/en/personal/tips/{urgent}", $"/personal/tips/{references[0]}" })
            {
                await page.GotoAsync(path);
                var result = await page.RunAxe(Wcag.AA);
                Assert.True(result.Violations.Length == 0, $"{path} at {width}px: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px at {width} px");
            }

            await page.GotoAsync($"/personal/tips/{urgent}");
            var shot = await page.ScreenshotAsync(new() { FullPage = true, Type = ScreenshotType.Png });
            if (Environment.GetEnvironmentVariable("INTAKE_SCREENSHOTS") is { } folder)
            {
                Directory.CreateDirectory(folder);
                await File.WriteAllBytesAsync(Path.Combine(folder, $"tip-page-{width}.png"), shot, Token);
            }
        }
    }
}
