using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grastorp.Intake.Core.Staff.Access;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>
/// A tip's conversation on the running DevHost (issue #32): the kommunpolis writes on the tip page, the resident posts
/// the code and answers, the answer is flagged "Nytt svar" until the tip page is opened; the code never in an address.
/// </summary>
public sealed partial class ConversationTests : IAsyncDisposable
{
    private readonly DevHostFactory _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client() => _host.CreateClient(new() { AllowAutoRedirect = false });

    private static string Cookie(StaffRole role) => $"dev-staff-principal={ClientPrincipal.Write("Test " + role, role, "grastorp")}";

    private static async Task<HttpResponseMessage> StaffAsync(HttpClient client, HttpMethod method, string path, Dictionary<string, string>? form = null, string fetchSite = "same-origin")
    {
        using var request = new HttpRequestMessage(method, path) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", Cookie(StaffRole.Kommunpolis));
        request.Headers.Add("Sec-Fetch-Site", fetchSite);
        request.Headers.Accept.ParseAdd("text/html");
        return await client.SendAsync(request, Cancel);
    }

    private static Task<HttpResponseMessage> ResidentAsync(HttpClient client, string path, params (string Name, string Value)[] fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))), Cancel);

    private static async Task<string> ClassifiedTipAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/tips", new { text = "Det langas knark vid skolan på kvällarna.", municipality = "grastorp" }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reference").GetString()!;
        await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/tips/{reference}", Cancel)).GetProperty("status").GetString(),
            s => s == "classified");
        return reference;
    }

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex TokenField();

    private static string TokenOf(string html) => TokenField().Match(html).Groups[1].Value;

    [Fact]
    public async Task The_officer_asks_the_resident_answers_by_code_in_the_body_and_the_answer_is_new_until_the_tip_is_opened()
    {
        using var client = Client();
        var reference = await ClassifiedTipAsync(client);
        var tipPage = await (await StaffAsync(client, HttpMethod.Get, $"/personal/tips/{reference}", fetchSite: "none")).Content.ReadAsStringAsync(Cancel);
        var staffToken = TokenOf(tipPage);

        using var asked = await StaffAsync(client, HttpMethod.Post, $"/personal/tips/{reference}/meddelanden", new() { ["meddelande"] = "Vilken kväll såg du det?", ["token"] = staffToken });
        using var askedAgain = await StaffAsync(client, HttpMethod.Post, $"/personal/tips/{reference}/meddelanden", new() { ["meddelande"] = "Vilken kväll såg du det?", ["token"] = staffToken });
        using var opened = await ResidentAsync(client, "/status", ("reference", reference.ToLowerInvariant()));
        var thread = await opened.Content.ReadAsStringAsync(Cancel);
        var token = TokenOf(thread);
        using var tooLong = await ResidentAsync(client, "/status/svar", ("reference", reference), ("svar", new string('a', 2001)), ("token", token));
        using var answered = await ResidentAsync(client, "/status/svar", ("reference", reference), ("svar", "I fredags, runt nio."), ("token", token));
        using var answeredAgain = await ResidentAsync(client, "/status/svar", ("reference", reference), ("svar", "I fredags, runt nio."), ("token", token));
        var list = await (await StaffAsync(client, HttpMethod.Get, "/personal/tips?kommun=grastorp")).Content.ReadAsStringAsync(Cancel);
        var officerSees = await (await StaffAsync(client, HttpMethod.Get, $"/personal/tips/{reference}", fetchSite: "none")).Content.ReadAsStringAsync(Cancel);
        var listAfter = await (await StaffAsync(client, HttpMethod.Get, "/personal/tips?kommun=grastorp")).Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.SeeOther, asked.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, askedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("Vilken kväll såg du det?", thread, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(thread, "Vilken kväll såg du det\\?"));
        Assert.DoesNotContain($"action=\"/status/{reference}", thread, StringComparison.Ordinal);
        Assert.Equal("no-store", opened.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("error-summary", await tooLong.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Ditt svar har kommit fram", await answered.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(await answeredAgain.Content.ReadAsStringAsync(Cancel), "I fredags, runt nio\\."));
        Assert.Contains("data-new-answer", list, StringComparison.Ordinal);
        Assert.Contains("I fredags, runt nio.", officerSees, StringComparison.Ordinal);
        Assert.Contains("id=\"new-answer\"", officerSees, StringComparison.Ordinal);
        Assert.DoesNotContain("data-new-answer", listAfter, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains(reference, StringComparison.OrdinalIgnoreCase) || line.Contains("runt nio", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_closed_tip_says_so_and_takes_no_answer_and_an_unknown_code_is_404_in_both_languages()
    {
        using var client = Client();
        var reference = await ClassifiedTipAsync(client);
        using var closed = await StaffAsync(client, HttpMethod.Post, $"/personal/tips/{reference}/status", new() { ["till"] = "closed" });
        using var opened = await ResidentAsync(client, "/en/status", ("reference", reference));
        var page = await opened.Content.ReadAsStringAsync(Cancel);
        using var answer = await ResidentAsync(client, "/en/status/answer", ("reference", reference), ("svar", "One more thing."), ("token", Guid.NewGuid().ToString("N")));
        using var unknown = await ResidentAsync(client, "/status", ("reference", "0000000000"));
        using var unknownAnswer = await ResidentAsync(client, "/status/svar", ("reference", "0000000000"), ("svar", "Hallå"), ("token", Guid.NewGuid().ToString("N")));

        Assert.Equal(HttpStatusCode.SeeOther, closed.StatusCode);
        Assert.Contains("id=\"answer-blocked\"", page, StringComparison.Ordinal);
        Assert.Contains("The tip is closed", page, StringComparison.Ordinal);
        Assert.DoesNotContain("answer-form", page, StringComparison.Ordinal);
        Assert.DoesNotContain("One more thing.", await answer.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownAnswer.StatusCode);
    }

    [Fact]
    public async Task An_answer_with_text_but_without_its_forms_token_is_kept_and_asked_again_not_told_it_is_empty_in_both_languages()
    {
        using var client = Client();
        var reference = await ClassifiedTipAsync(client);

        using var swedish = await ResidentAsync(client, "/status/svar", ("reference", reference), ("svar", "I fredags, runt nio."));
        using var english = await ResidentAsync(client, "/en/status/answer", ("reference", reference), ("svar", "Last Friday."), ("token", "not-a-token"));
        var sv = WebUtility.HtmlDecode(await swedish.Content.ReadAsStringAsync(Cancel));
        var en = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, swedish.StatusCode);
        Assert.Contains("Svaret skickades inte: sidan var inte den senaste. Skicka det igen.", sv, StringComparison.Ordinal);
        Assert.DoesNotContain("Skriv ditt svar", sv, StringComparison.Ordinal);
        Assert.Contains(">I fredags, runt nio.</textarea>", sv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Contains("The answer was not sent: the page was not the latest. Send it again.", en, StringComparison.Ordinal);
        Assert.DoesNotContain("Write your answer", en, StringComparison.Ordinal);
        Assert.Contains(">Last Friday.</textarea>", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tipster_who_asked_gets_an_e_mail_without_the_words_or_the_code_when_the_officer_writes_and_the_officer_is_told()
    {
        using var client = Client();
        using var refused = await client.PostAsJsonAsync("/api/tips", new { text = "Det langas knark vid skolan på kvällarna.", municipality = "grastorp", notify = true }, Cancel);
        var response = await client.PostAsJsonAsync(
            "/api/tips", new { text = "Det langas knark vid skolan på kvällarna.", municipality = "grastorp", contact = "eva@example.se", consent = true, notify = true }, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reference").GetString()!;
        await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/tips/{reference}", Cancel)).GetProperty("status").GetString(),
            s => s == "classified");
        var tipPage = await (await StaffAsync(client, HttpMethod.Get, $"/personal/tips/{reference}", fetchSite: "none")).Content.ReadAsStringAsync(Cancel);
        var token = TokenOf(tipPage);

        using var written = await StaffAsync(client, HttpMethod.Post, $"/personal/tips/{reference}/meddelanden", new() { ["meddelande"] = "Vilken kväll såg du det?", ["token"] = token });
        using var again = await StaffAsync(client, HttpMethod.Post, $"/personal/tips/{reference}/meddelanden", new() { ["meddelande"] = "Vilken kväll såg du det?", ["token"] = token });
        var told = await (await StaffAsync(client, HttpMethod.Get, written.Headers.Location!.OriginalString, fetchSite: "same-origin")).Content.ReadAsStringAsync(Cancel);
        var notices = Directory.GetFiles(_host.PickupDirectory, "notice-*.eml").Select(File.ReadAllText).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"notify\"", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("id=\"conversation-notifies\"", tipPage, StringComparison.Ordinal);
        Assert.Contains("message-added-notified", written.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("tipsaren har fått ett mejl", told, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        var notice = Assert.Single(notices);
        Assert.Contains("To: eva@example.se", notice, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, notice, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("kväll", notice, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("knark", notice, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains("eva@example.se", StringComparison.Ordinal) || line.Contains(reference, StringComparison.OrdinalIgnoreCase));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
