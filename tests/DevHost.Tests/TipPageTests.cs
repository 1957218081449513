using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Presentation;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Retention;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Microsoft.Extensions.Options;
using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Tips.Store.Recording;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>
/// The kommunpolis's way from the digest to each tip on the running DevHost: the tip's own page (what it shows, when
/// opening it marks the tip read, one audit row a day), every link of a rendered digest, the list as a table that
/// changes nothing, and the audit log in the page's language.
/// </summary>
public sealed partial class TipPageTests : IAsyncDisposable
{
    private readonly DevHostFactory _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client() => _host.CreateClient(new() { AllowAutoRedirect = false });

    private static HttpRequestMessage Get(string path, StaffRole? role, string? fetchSite = "same-origin", string name = "Eva Polis")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept", "text/html");
        if (role is { } r)
        {
            request.Headers.Add("Cookie", $"dev-staff-principal={ClientPrincipal.Write(name, r)}");
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return request;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path, StaffRole? role, string? fetchSite = "same-origin", string name = "Eva Polis")
    {
        using var request = Get(path, role, fetchSite, name);
        using var response = await client.SendAsync(request, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    private static async Task<string> ClassifiedTipAsync(HttpClient client, string text, string municipality = "grastorp", string kind = "tip", object? extra = null)
    {
        var response = await client.PostAsJsonAsync("/api/tips", new { text, kind, municipality, place = "Storgatan 5", contact = "eva@example.se", consent = true }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reference").GetString()!;
        await StageIsAsync(client, reference, "classified");
        return reference;
    }

    private static async Task<string?> StageAsync(HttpClient client, string reference) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/tips/{reference}", Cancel)).GetProperty("status").GetString();

    private static async Task StageIsAsync(HttpClient client, string reference, string stage) =>
        Assert.Equal(stage, await Eventually.GetAsync(() => StageAsync(client, reference), s => s == stage));

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync()
    {
        var page = await _host.Services.GetRequiredService<AuditLog>().ReadAsync(null, null, 200, Cancel);
        return page.Entries;
    }

    [Fact]
    public async Task A_tip_page_shows_the_tip_with_its_deciding_words_and_the_112_flag_and_opening_it_reads_it_only_from_this_site_or_the_mail()
    {
        using var client = Client();
        var urgent = await ClassifiedTipAsync(client, "Det brinner just nu i förrådet, någon har gjort inbrott och bryter upp dörren. Ring 070-123 45 67.");
        var calm = await ClassifiedTipAsync(client, "Bilar kör alldeles för fort förbi skolan varje morgon.");
        var path = $"/personal/tips/{urgent}";

        // A link on another site, or a request that does not say where it comes from, shows the tip and changes nothing.
        var (status, page) = await GetAsync(client, path, StaffRole.Kommunpolis, fetchSite: "cross-site");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("classified", await StageAsync(client, urgent));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, path, StaffRole.Kommunpolis, fetchSite: null)).Status);
        Assert.Equal("classified", await StageAsync(client, urgent));

        Assert.Contains("lang=\"sv\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"emergency-flag\"", page, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"tip-emergency\">Visades</dd>", page, StringComparison.Ordinal);
        Assert.Matches(new Regex("<mark class=\"decisive\" data-theme=\"burglary\">inbrott</mark>"), page);
        Assert.Contains("mark class=\"pii\" data-kind=\"phone\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("~", Regex.Replace(page, "<[^>]*>", string.Empty), StringComparison.Ordinal);
        Assert.Contains("eva@example.se", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/personal/tips/{urgent}/status\"", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/personal/tips/{urgent}/meddelanden\"", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/personal/tips/rattelse\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/personal/tips/{urgent}\" rel=\"prev\"", (await GetAsync(client, $"/personal/tips/{calm}", StaffRole.Kommunpolis, fetchSite: null)).Body, StringComparison.Ordinal);
        Assert.Contains($"href=\"/personal/tips/{calm}\" rel=\"next\"", page, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"tip-emergency\">Visades inte</dd>", (await GetAsync(client, $"/personal/tips/{calm}", StaffRole.Kommunpolis, fetchSite: null)).Body, StringComparison.Ordinal);

        // Opened from the e-mail (none) or this site (same-origin): read, once.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, path, StaffRole.Kommunpolis, fetchSite: "none")).Status);
        Assert.Equal("read", await StageAsync(client, urgent));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, path, StaffRole.Kommunpolis, fetchSite: "same-origin")).Status);
        var english = await GetAsync(client, $"/en{path}", StaffRole.Kommunpolis);
        Assert.Equal(HttpStatusCode.OK, english.Status);
        Assert.Contains("lang=\"en\"", english.Body, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"tip-emergency\">Shown</dd>", english.Body, StringComparison.Ordinal);

        // Five openings by one person in a day: one view in the audit log, one move to read.
        var audit = await AuditAsync();
        Assert.Single(audit, e => e.Reference == urgent && e.Action == AuditAction.Viewed && e.Who == "Eva Polis");
        Assert.Single(audit, e => e.Reference == urgent && e.Action == AuditAction.Moved && e.Detail == TipStage.Read);
        await GetAsync(client, path, StaffRole.Kommunpolis, name: "Per Polis");
        Assert.Single(await AuditAsync(), e => e.Reference == urgent && e.Action == AuditAction.Viewed && e.Who == "Per Polis");
    }

    [Fact]
    public async Task An_unknown_or_erased_code_gets_the_residents_not_found_page_and_a_visitor_is_sent_to_sign_in_and_back()
    {
        using var client = Client();
        var reference = await ClassifiedTipAsync(client, "Någon har klottrat på busskuren vid torget i natt.");
        var resident = await client.GetAsync("/status/0000000000", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, resident.StatusCode);
        var residentPage = await resident.Content.ReadAsStringAsync(Cancel);

        var unknown = await GetAsync(client, "/personal/tips/0000000000", StaffRole.Kommunpolis);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(residentPage, unknown.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, "/personal/tips/not-a-code", StaffRole.Kommunpolis)).Status);

        Assert.Equal(ErasureOutcome.Erased, await _host.Services.GetRequiredService<ErasureService>().EraseAsync(reference, Cancel));
        var erased = await GetAsync(client, $"/personal/tips/{reference}", StaffRole.Kommunpolis);
        Assert.Equal(HttpStatusCode.NotFound, erased.Status);
        Assert.Equal(residentPage, erased.Body);

        // Signed out: a browser goes through sign-in and comes back to the tip; anything else is 401; Kommun is 403.
        using (var visit = Get($"/personal/tips/{reference}", role: null))
        using (var redirected = await client.SendAsync(visit, Cancel))
        {
            Assert.Equal(HttpStatusCode.Found, redirected.StatusCode);
            Assert.Equal($"/dev/logga-in?post_login_redirect_uri=%2Fpersonal%2Ftips%2F{reference}", redirected.Headers.Location?.OriginalString);
        }

        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/dev/logga-in")
        {
            Content = new FormUrlEncodedContent([new("name", "Eva Polis"), new("role", "Kommunpolis"), new("post_login_redirect_uri", $"/personal/tips/{reference}")]),
        };
        signIn.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var signedIn = await client.SendAsync(signIn, Cancel);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal($"/personal/tips/{reference}", signedIn.Headers.Location?.OriginalString);
        using var anonymous = Client();
        using var api = await anonymous.GetAsync($"/personal/tips/{reference}", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(anonymous, $"/personal/tips/{reference}", StaffRole.Kommun)).Status);
    }

    [Fact]
    public async Task Every_link_of_a_rendered_digest_opens_for_a_signed_in_kommunpolis_and_sends_a_visitor_to_sign_in()
    {
        using var client = Client();
        await ClassifiedTipAsync(client, "Det säljs narkotika vid busshållplatsen varje kväll.", "grastorp");
        await ClassifiedTipAsync(client, "Ungdomar langar narkotika bakom skolan på rasterna.", "grastorp");
        await ClassifiedTipAsync(client, "Inbrott i flera förråd på Kyrkogatan i helgen.", "vara");
        await ClassifiedTipAsync(client, "Bilar kör alldeles för fort förbi skolan.", "essunga");
        await ClassifiedTipAsync(client, "Bättre belysning i parken skulle kännas tryggare.", "vara", kind: "idea");
        await ClassifiedTipAsync(client, "Bra att ni var på plats vid marknaden.", "grastorp", kind: "feedback");

        var recipients = _host.Services.GetRequiredService<IOptions<DigestOptions>>().Value.Recipients[0];
        var digest = await _host.Services.GetRequiredService<DigestComposer>().ComposeAsync(SwedishTime.WeekOf(DateTimeOffset.UtcNow), recipients, Cancel);
        var message = await _host.Services.GetRequiredService<DigestMessageFactory>().CreateAsync(digest, 0, Cancel);

        // The same week with one tip per section, as a big week is sent: every section then links to the rest in the list.
        var shrunk = _host.Services.GetRequiredService<DigestViewBuilder>().Build(digest, tipsPerTheme: 1, textLength: 600);
        var shrunkHtml = await _host.Services.GetRequiredService<IDigestBodyRenderer>().RenderHtmlAsync(shrunk, Cancel);
        var links = new[] { message.Html, shrunkHtml }.SelectMany(html => HrefPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
            .Concat(new[] { message.PlainText, DigestPlainText.Render(shrunk) }.SelectMany(text => UrlPattern().Matches(text).Select(m => m.Value)))
            .Select(l => new Uri(l)).Select(u => u.PathAndQuery).Distinct(StringComparer.Ordinal).ToList();
        Assert.Equal(6, links.Count(l => Regex.IsMatch(l, "^/personal/tips/[0-9A-Z]{10}$")));
        Assert.True(links.Any(l => l.Contains("tema=", StringComparison.Ordinal)) && links.Any(l => l.Contains("typ=", StringComparison.Ordinal)), string.Join(" ", links));

        foreach (var link in links)
        {
            var (status, _) = await GetAsync(client, link, StaffRole.Kommunpolis, fetchSite: "none");
            Assert.True(status == HttpStatusCode.OK, $"{link}: {(int)status} for a signed-in kommunpolis");
            using var visit = Get(link, role: null, fetchSite: "none");
            using var visitor = await client.SendAsync(visit, Cancel);
            Assert.True(visitor.StatusCode is HttpStatusCode.Found or HttpStatusCode.Unauthorized, $"{link}: {(int)visitor.StatusCode} for a visitor");
            if (visitor.StatusCode == HttpStatusCode.Found)
            {
                Assert.Equal($"/dev/logga-in?post_login_redirect_uri={Uri.EscapeDataString(link)}", visitor.Headers.Location?.OriginalString);
            }
        }
    }

    [Fact]
    public async Task Each_sections_list_links_open_the_lists_that_hold_its_tips_whatever_their_municipality()
    {
        using var client = Client();
        var tips = new[]
        {
            await ClassifiedTipAsync(client, "Det säljs narkotika vid busshållplatsen varje kväll.", "grastorp"),
            await ClassifiedTipAsync(client, "Någon langar narkotika vid stationen i Vara på kvällarna.", "vara"),
            await ClassifiedTipAsync(client, "Narkotika säljs bakom idrottshallen i Nossebro.", "essunga"),
            await ClassifiedTipAsync(client, "Bättre belysning i parken skulle kännas tryggare.", "vara", kind: "idea"),
        };

        var recipients = _host.Services.GetRequiredService<IOptions<DigestOptions>>().Value.Recipients[0];
        var digest = await _host.Services.GetRequiredService<DigestComposer>().ComposeAsync(SwedishTime.WeekOf(DateTimeOffset.UtcNow), recipients, Cancel);
        // No tip shown in the mail: every tip of a section is only reachable through its list links.
        var view = _host.Services.GetRequiredService<DigestViewBuilder>().Build(digest, tipsPerTheme: 0, textLength: 600);
        var expected = digest.TipsByTheme.Select(t => ($"tema-{t.Theme}", t.Tips)).Append(("ideer", digest.IdeasAndFeedback)).ToDictionary(p => p.Item1, p => p.Item2);

        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in view.Sections.Where(s => expected.ContainsKey(s.Anchor)))
        {
            Assert.Equal(expected[section.Anchor].Select(t => t.Municipality).Distinct().Order(StringComparer.Ordinal), section.Lists.Select(l => HttpUtility.ParseQueryString(l.Link.Query)["kommun"]).Order(StringComparer.Ordinal));
            foreach (var list in section.Lists)
            {
                var (status, page) = await GetAsync(client, list.Link.PathAndQuery, StaffRole.Kommunpolis, fetchSite: "none");
                Assert.Equal(HttpStatusCode.OK, status);
                var municipality = HttpUtility.ParseQueryString(list.Link.Query)["kommun"];
                foreach (var tip in expected[section.Anchor].Where(t => t.Municipality == municipality))
                {
                    Assert.True(page.Contains($"href=\"/personal/tips/{tip.Reference}\"", StringComparison.Ordinal), $"{section.Anchor}: {tip.Reference} ({municipality}) is not in {list.Link.PathAndQuery}");
                    reached.Add(tip.Reference);
                }
            }
        }

        Assert.Superset(tips.ToHashSet(StringComparer.Ordinal), reached);
    }

    [Fact]
    public async Task The_list_is_a_table_of_fifty_that_changes_nothing_and_audits_one_row_per_page()
    {
        using var client = Client();
        var lister = _host.Services.GetRequiredService<TipLister>();
        var recorder = _host.Services.GetRequiredService<TipRecorder>();
        var week = SwedishTime.WeekOf(DateTimeOffset.UtcNow);
        var now = DateTimeOffset.UtcNow;
        var references = new List<string>();
        for (var i = 0; i < 53; i++)
        {
            var received = SwedishTime.WeekOf(now.AddSeconds(-i)) == week ? now.AddSeconds(-i) : now;
            var tip = new ReceivedTip(TipReference.New().Value, received, "vara", TipKind.Tip, $"Rad ett i tips {i} om knark.\nRad två ska inte synas i listan.", null, null, null);
            await recorder.RecordAsync(tip, new TipClassification([new ThemeMatch(Theme.Drugs, 0.9, ["knark"])]), Cancel);
            references.Add(tip.Reference);
        }

        var list = $"/personal/tips?kommun=vara&vecka={week}&typ=tip&tema=drugs";
        var (status, page) = await GetAsync(client, list, StaffRole.Kommunpolis);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(50, TipRowPattern().Count(page));
        Assert.Contains("Rad ett i tips", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Rad två", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/personal/tips/{references[0]}\"", page, StringComparison.Ordinal);
        var next = Regex.Match(page, "href=\"([^\"]*efter=[^\"]*)\"").Groups[1].Value;
        Assert.StartsWith($"/personal/tips?kommun=vara&amp;vecka={week}&amp;typ=tip&amp;tema=drugs&amp;efter=", next, StringComparison.Ordinal);
        var second = await GetAsync(client, WebUtility.HtmlDecode(next), StaffRole.Kommunpolis);
        Assert.Equal(3, TipRowPattern().Count(second.Body));

        // Nothing moved to read; one audit row per page shown, none per tip.
        Assert.All(references.Take(3), r => Assert.Contains($"data-reference=\"{r}\" data-stage=\"classified\"", page, StringComparison.Ordinal));
        var audit = await AuditAsync();
        Assert.DoesNotContain(audit, e => e.Action is AuditAction.Viewed or AuditAction.Moved);
        Assert.Equal(["3", "50"], audit.Where(e => e.Action == AuditAction.ListViewed).Select(e => e.Detail).Order());
        Assert.All(audit, e => Assert.Equal($"vara-{week}", e.Partition));
        Assert.Equal(TipStage.Classified, (await lister.ReadTipAsync(new TipPartition("vara", week), references[0], Cancel))!.Stage);
    }

    [Fact]
    public async Task The_audit_log_names_stages_themes_and_roles_in_the_pages_language()
    {
        using var client = Client();
        var reference = await ClassifiedTipAsync(client, "Det säljs narkotika vid busshållplatsen varje kväll.");
        await GetAsync(client, $"/personal/tips/{reference}", StaffRole.Kommunpolis, fetchSite: "none");
        var week = SwedishTime.WeekOf(DateTimeOffset.UtcNow);
        using var correction = new HttpRequestMessage(HttpMethod.Post, "/personal/tips/rattelse")
        {
            Content = new FormUrlEncodedContent([new("kommun", "grastorp"), new("vecka", week.ToString()), new("referens", reference), new("tema", "traffic"), new("tema", "drugs"), new("nyckel", new string('a', 32)), new("fran", "tipset")]),
        };
        correction.Headers.Add("Cookie", $"dev-staff-principal={ClientPrincipal.Write("Eva Polis", StaffRole.Kommunpolis)}");
        correction.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var corrected = await client.SendAsync(correction, Cancel);
        Assert.Equal(HttpStatusCode.SeeOther, corrected.StatusCode);
        Assert.Equal($"/personal/tips/{reference}?resultat=corrected&referens={reference}", corrected.Headers.Location?.OriginalString);

        var swedish = (await GetAsync(client, "/personal/granskning", StaffRole.Granskare, name: "Gun Granskare")).Body;
        var english = (await GetAsync(client, "/en/personal/granskning", StaffRole.Granskare, name: "Gun Granskare")).Body;
        Assert.Contains("<td>Läst</td>", swedish, StringComparison.Ordinal);
        Assert.Contains("<td>→ Droger, Trafik</td>", swedish, StringComparison.Ordinal);
        Assert.Contains("<td>Kommunpolis</td>", swedish, StringComparison.Ordinal);
        Assert.Contains("<td>Read</td>", english, StringComparison.Ordinal);
        Assert.Contains("<td>→ Drugs, Traffic</td>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>read</td>", swedish, StringComparison.Ordinal);
        Assert.DoesNotContain("→ drugs", swedish, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [GeneratedRegex("href=\"(https?://[^\"]+)\"")]
    private static partial Regex HrefPattern();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex("<tr id=\"tip-[0-9A-Z]{10}\"")]
    private static partial Regex TipRowPattern();
}
