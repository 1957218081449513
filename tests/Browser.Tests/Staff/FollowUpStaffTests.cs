using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;

namespace Grastorp.Intake.Browser.Tests.Staff;

/// <summary>
/// The staff follow-up in real Chromium against the DevHost: the kommunpolis moves tips on and writes to the resident
/// from the tip's own page, staff record an action on a commitment; the message reaches that tip's conversation only
/// and the action the public follow-up page and its feed. axe-core finds nothing on the pages and their error states.
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
    public async Task The_kommunpolis_moves_a_tip_on_and_writes_to_the_resident_from_its_page_and_the_message_shows_in_its_own_conversation_only()
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

        // Too long: the same page again with the GOV.UK error pattern and the words kept. The tip page has one way to
        // write to the resident, the conversation (issue 32): no public-reply form beside it.
        await Assertions.Expect(page.Locator("form.reply-form, textarea[name=svar]")).ToHaveCountAsync(0);
        var tooLong = Reply + new string('!', 1000 - Reply.Length + 1);
        await page.Locator($"#meddelande-{answered}").FillAsync(tooLong);
        var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = $"Skicka meddelandet (tips {answered})" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        // The title is polled: the response can be in before the page it carries has replaced the old one.
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Fel: "));
        await Assertions.Expect(page.Locator($".error-summary a[href='#meddelande-{answered}']")).ToHaveTextAsync("Meddelandet får vara högst 1\u00a0000 tecken. Det är 1\u00a0001 tecken nu.");
        await Assertions.Expect(page.Locator($"#meddelande-{answered}-error")).ToContainTextAsync("Det är 1\u00a0001 tecken nu.");
        await Assertions.Expect(page.Locator($"#meddelande-{answered}")).ToHaveValueAsync(tooLong);
        Assert.Equal($"meddelande-{answered}-hint meddelande-{answered}-error", await page.Locator($"#meddelande-{answered}").GetAttributeAsync("aria-describedby"));
        await AssertNoViolationsAsync(page, "tip page with a message error");
        await SaveAsync(page, "staff-tip-message-error");
        Assert.Empty(await ResidentThreadAsync(context, answered));

        await page.Locator($"#meddelande-{answered}").FillAsync(Reply);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Skicka meddelandet (tips {answered})" }).ClickAsync();
        await Assertions.Expect(page.Locator(".success")).ToHaveTextAsync($"Meddelandet till tipsaren för tips {answered} är skickat.");
        await Assertions.Expect(page.Locator("#conversation .message-staff .message-text")).ToHaveTextAsync(Reply);

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

        // The message is in its own tip's conversation, never in another's, on the status page by address, the public
        // follow-up, its JSON or its feed.
        Assert.Equal([Reply], await ResidentThreadAsync(context, answered));
        Assert.Empty(await ResidentThreadAsync(context, other));
        var residentPage = await context.NewPageAsync();
        await residentPage.GotoAsync($"/status/{answered}");
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

    /// <summary>The conversation's messages as the resident sees them after posting the code on the status page.</summary>
    private static async Task<IReadOnlyList<string>> ResidentThreadAsync(IBrowserContext context, string reference)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/status");
        await page.Locator("#reference").FillAsync(reference);
        await page.Locator(".lookup-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#conversation")).ToBeVisibleAsync();
        var messages = await page.Locator(".thread .message-staff .message-text").AllInnerTextsAsync();
        await page.CloseAsync();
        return messages;
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
