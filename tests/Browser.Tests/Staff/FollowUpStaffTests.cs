using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;

namespace Grastorp.Intake.Browser.Tests.Staff;

/// <summary>
/// The staff follow-up in real Chromium against the DevHost: the kommunpolis moves tips on and replies from the tip's
/// own page, staff record an action on a commitment; the reply reaches that tip's status page only and the action the
/// public follow-up page and its feed. axe-core finds nothing on the pages and their error states.
/// </summary>
public sealed class FollowUpStaffTests(Chromium chromium, IntakeServer server) : IClassFixture<IntakeServer>
{
    private const string Reply = "Tack, vi har fått fler tips om platsen och gör kontroller under veckan.";

    private static string? Screenshots => Environment.GetEnvironmentVariable("INTAKE_SCREENSHOTS");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<string> ClassifiedAsync(string text)
    {
        var reference = await ResidentSite.SubmitAsync(server.BaseUrl, text, "grastorp");
        await server.ClassifiedTipAsync(reference);
        return reference;
    }

    private async Task<string> StageAsync(string reference)
    {
        using var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        return JsonDocument.Parse(await api.GetStringAsync($"/api/tips/{reference}", Token)).RootElement.GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task The_kommunpolis_moves_a_tip_on_and_replies_from_its_page_and_the_reply_shows_on_its_status_page_only()
    {
        var answered = await ClassifiedAsync("Bilar kör för fort på Storgatan varje kväll.");
        var other = await ClassifiedAsync("Bilar kör för fort förbi skolan på morgonen.");
        Assert.Equal("classified", await StageAsync(answered));
        var list = $"/personal/tips?kommun=grastorp&vecka={StaffSite.ThisWeek}";
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await StaffSite.SignInAsync(page, "Eva Polis", "Kommunpolis", list);

        // Opening the list reads nothing; opening a tip from it reads that tip.
        await Assertions.Expect(page.Locator($"#tip-{answered}")).ToContainTextAsync("Ny – inte läst");
        Assert.Equal("classified", await StageAsync(answered));
        await page.GetByRole(AriaRole.Link, new() { Name = $"Öppna {answered}" }).ClickAsync();
        await page.ArrivedAtAsync(url => url.AbsolutePath == $"/personal/tips/{answered}");
        await Assertions.Expect(page.Locator(".stage")).ToHaveTextAsync("Steg: Läst");
        Assert.Equal("read", await StageAsync(answered));
        Assert.Equal("classified", await StageAsync(other));
        await Assertions.Expect(page.Locator(".stage-form button")).ToHaveTextAsync([$"Markera som vidareskickat (tips {answered})", $"Markera som klart (tips {answered})"]);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Markera som vidareskickat (tips {answered})" }).ClickAsync();

        // Back on the same tip's page (POST-redirect-GET), with what happened.
        await Assertions.Expect(page.Locator(".success")).ToHaveTextAsync($"Tips {answered} har nu steget ”Vidareskickat”.");
        Assert.Equal($"/personal/tips/{answered}", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator(".stage")).ToHaveTextAsync("Steg: Vidareskickat");
        await Assertions.Expect(page.Locator(".stage-form button")).ToHaveTextAsync([$"Markera som klart (tips {answered})"]);
        Assert.Equal("forwarded", await StageAsync(answered));
        Assert.Equal("classified", await StageAsync(other));

        // Too long: the same page again with the GOV.UK error pattern and the words kept.
        var tooLong = Reply + new string('!', 300 - Reply.Length + 1);
        await page.Locator($"#svar-{answered}").FillAsync(tooLong);
        var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = $"Spara svaret (tips {answered})" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        // The title is polled: the response can be in before the page it carries has replaced the old one.
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Fel: "));
        await Assertions.Expect(page.Locator($".error-summary a[href='#svar-{answered}']")).ToHaveTextAsync("Svaret får vara högst 300 tecken. Det är 301 tecken nu.");
        await Assertions.Expect(page.Locator($"#svar-{answered}-error")).ToContainTextAsync("Det är 301 tecken nu.");
        await Assertions.Expect(page.Locator($"#svar-{answered}")).ToHaveValueAsync(tooLong);
        Assert.Equal($"svar-{answered}-hint svar-{answered}-error", await page.Locator($"#svar-{answered}").GetAttributeAsync("aria-describedby"));
        await AssertNoViolationsAsync(page, "tip page with a reply error");
        await SaveAsync(page, "staff-tip-reply-error");
        Assert.Null((await ResidentStatusAsync(context, answered)).Reply);

        await page.Locator($"#svar-{answered}").FillAsync(Reply);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Spara svaret (tips {answered})" }).ClickAsync();
        await Assertions.Expect(page.Locator(".success")).ToHaveTextAsync($"Svaret på tips {answered} är sparat och visas på tipsets statussida.");
        await Assertions.Expect(page.Locator(".current-reply")).ToContainTextAsync(Reply);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Markera som klart (tips {answered})" }).ClickAsync();
        await Assertions.Expect(page.Locator(".stage")).ToHaveTextAsync("Steg: Klart");
        await Assertions.Expect(page.Locator(".stage-form button")).ToHaveCountAsync(0);
        Assert.Equal("closed", await StageAsync(answered));

        // A move against the order: 409, for a browser the tip's page with the error at its stage form.
        var backwards = await context.APIRequest.PostAsync($"/personal/tips/{answered}/status", new()
        {
            Form = context.APIRequest.CreateFormData().Append("till", "read").Append("tillbaka", $"kommun=grastorp&vecka={StaffSite.ThisWeek}").Append("fran", "tipset"),
            Headers = new Dictionary<string, string> { ["Origin"] = server.BaseUrl, ["Accept"] = "text/html" },
            MaxRedirects = 0,
        });
        Assert.Equal(409, backwards.Status);
        Assert.Contains($"href=\"#steg-{answered}\"", await backwards.TextAsync(), StringComparison.Ordinal);
        Assert.Equal("closed", await StageAsync(answered));

        // The reply is on its own tip's status page, never on another's, the public follow-up, its JSON or its feed.
        var status = await ResidentStatusAsync(context, answered);
        Assert.Equal(Reply, status.Reply);
        var residentPage = await context.NewPageAsync();
        await residentPage.GotoAsync($"/status/{answered}");
        await Assertions.Expect(residentPage.Locator(".reply")).ToHaveTextAsync(Reply);
        await residentPage.GotoAsync($"/status/{other}");
        Assert.DoesNotContain("Tack, vi har fått", await residentPage.ContentAsync(), StringComparison.Ordinal);
        foreach (var path in new[] { "/uppfoljning", "/en/follow-up", "/api/followup", "/uppfoljning.atom", $"/api/tips/{answered}" })
        {
            var body = await (await context.APIRequest.GetAsync(path)).TextAsync();
            Assert.DoesNotContain("Tack, vi har fått", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_action_recorded_on_the_actions_page_shows_on_the_follow_up_page_and_in_the_feed()
    {
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await StaffSite.SignInAsync(page, "Kim Kommun", "Kommun", "/personal/atgarder");
        await Assertions.Expect(page.Locator(".staff-nav a[aria-current=page]")).ToHaveTextAsync("Åtgärder");
        await Assertions.Expect(page.Locator("#recent + p")).ToHaveTextAsync("Inga åtgärder är registrerade ännu.");

        // Sent empty but for the date: the same page, the GOV.UK pattern, in the form's order.
        await page.Locator("#summary").FillAsync("Kort");
        var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Spara åtgärden" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        // The title is polled: the response can be in before the page it carries has replaced the old one.
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Fel: "));
        await Assertions.Expect(page.Locator(".error-summary a")).ToHaveTextAsync(["Välj vilket löfte åtgärden gäller.", "Skriv en sammanfattning på 10–200 tecken."]);
        await Assertions.Expect(page.Locator(".error-summary a").First).ToHaveAttributeAsync("href", "#commitment");
        // Focus moves to the summary, as on every other form (the page once wrote its own summary without the hook).
        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#summary")).ToHaveValueAsync("Kort");
        await AssertNoViolationsAsync(page, "actions page with errors");
        await SaveAsync(page, "staff-actions-errors");

        await page.Locator("#commitment").SelectOptionAsync("grastorp_2021.trafik");
        await page.Locator("#summary").FillAsync("Trafikkontroll på Storgatan, 45 förare kontrollerade");
        await page.Locator("#countLabel").FillAsync("förare kontrollerade");
        await page.Locator("#countValue").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara åtgärden" }).ClickAsync();

        // Polled: the click does not wait for the redirect it starts.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/personal/atgarder\\?resultat=sparad$"));
        await Assertions.Expect(page.Locator(".success")).ToContainTextAsync("Åtgärden är sparad");
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table tbody tr")).ToContainTextAsync("Trafikkontroll på Storgatan, 45 förare kontrollerade");
        await Assertions.Expect(page.Locator("table tbody tr")).ToContainTextAsync("Grästorp");
        await Assertions.Expect(page.Locator("table tbody tr")).ToContainTextAsync("Kim Kommun");
        await AssertNoViolationsAsync(page, "actions page after saving");
        await SaveAsync(page, "staff-actions-saved");

        var followUp = await context.NewPageAsync();
        await followUp.GotoAsync("/uppfoljning");
        await Assertions.Expect(followUp.Locator("main")).ToContainTextAsync("Trafikkontroll på Storgatan, 45 förare kontrollerade");
        var feed = await (await context.APIRequest.GetAsync("/uppfoljning.atom")).TextAsync();
        using var reader = System.Xml.XmlReader.Create(new StringReader(feed));
        var parsed = System.ServiceModel.Syndication.SyndicationFeed.Load(reader);
        Assert.Contains(parsed.Items, i => (i.Title?.Text + " " + (i.Content as System.ServiceModel.Syndication.TextSyndicationContent)?.Text + " " + i.Summary?.Text).Contains("Trafikkontroll på Storgatan", StringComparison.Ordinal));
        // Who recorded it stays inside.
        Assert.DoesNotContain("Kim Kommun", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Kommun", await followUp.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_actions_page_is_for_Kommun_and_the_tip_moves_for_the_Kommunpolis()
    {
        await using var context = await chromium.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await StaffSite.SignInAsync(page, "Gun Granskare", "Granskare", "/personal/granskning");

        Assert.Equal(403, (await page.GotoAsync("/personal/atgarder"))!.Status);
        await Assertions.Expect(page.Locator("#missing-role")).ToHaveTextAsync("Kommun");
        await Assertions.Expect(page.Locator(".staff-nav")).Not.ToContainTextAsync("Åtgärder");

        await StaffSite.SignInAsync(page, "Kim Kommun", "Kommun", "/personal/atgarder");
        var move = await context.APIRequest.PostAsync($"/personal/tips/{await ClassifiedAsync("Inbrott i förrådet i natt.")}/status", new()
        {
            Form = context.APIRequest.CreateFormData().Append("till", "forwarded"),
            Headers = new Dictionary<string, string> { ["Origin"] = server.BaseUrl },
            MaxRedirects = 0,
        });
        Assert.Equal(403, move.Status);
    }

    private static async Task<(string Html, string? Reply)> ResidentStatusAsync(IBrowserContext context, string reference)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/status/{reference}");
        var reply = await page.Locator(".reply").CountAsync() > 0 ? await page.Locator(".reply").InnerTextAsync() : null;
        var html = await page.ContentAsync();
        await page.CloseAsync();
        return (html, reply);
    }

    private static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(Wcag.AA);
        var report = string.Join('\n', result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"{what}: {report}");
        Assert.NotEmpty(result.Passes);
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        if (Screenshots is { } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{name}-1280.png"), await page.ScreenshotAsync(new() { FullPage = true, Type = ScreenshotType.Png }), Token);
        }
    }
}
