using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>
/// A marker planted in everything a person writes or is (tip text, place, contact e-mail, a staff member's e-mail,
/// a staff message, an action's summary, the client's address) never reaches a log line, at any level, while every
/// function of functions.metadata runs: every HTTP route, the queue trigger and its poison path, and every timer.
/// A function added later fails this test until the test exercises it.
/// </summary>
public sealed class LogPrivacyTests : IDisposable
{
    private const string Marker = "ZqxMarker7731";

    /// <summary>
    /// The client's address: a loopback one (the DevHost's dev sign-in serves loopback only) that is unlikely
    /// anywhere else; with the forwarded address a proxy would add (RFC 5737), neither may be logged.
    /// </summary>
    private const string ClientAddress = "127.88.77.66";

    private const string ForwardedAddress = "198.51.100.23";

    private static readonly string Output = typeof(LogPrivacyTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutput").Value!;

    // Sunday of week 48; the test moves the clock to Monday morning to send that week's digest, then past retention.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly DevHostFactory _host;

    public LogPrivacyTests() => _host = new DevHostFactory(services =>
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
        services.AddSingleton<IStartupFilter>(new ClientAddressFilter(IPAddress.Parse(ClientAddress)));
    });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string StaffCookie(StaffRole role) => $"dev-staff-principal={ClientPrincipal.Write($"{Marker}.staff@example.se", role, "grastorp")}";

    [Fact]
    public async Task Every_function_runs_and_logs_nothing_a_person_wrote_or_is_at_any_level()
    {
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ForwardedAddress);

        // The queue trigger: a tip with the marker in every field a resident writes.
        var accepted = await client.PostAsJsonAsync("/api/tips", new
        {
            text = $"Det langas knark vid {Marker}-skolan på kvällarna.",
            place = $"Gatan {Marker}",
            contact = $"{Marker}@example.se",
            consent = true,
        }, Cancel);
        var rejected = await client.PostAsJsonAsync("/api/tips", new { text = $"{Marker} kort", kind = Marker, municipality = Marker, place = new string('p', 300) + Marker }, Cancel);
        // The poison path: a message no retry can read.
        await _host.Queue(StorageNames.TipsPoisonQueue).CreateIfNotExistsAsync(cancellationToken: Cancel);
        await _host.Queue(StorageNames.TipsQueue).SendMessageAsync($"{{ \"text\": \"{Marker}\" ", Cancel);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var reference = (await accepted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reference").GetString()!;
        var status = await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/tips/{reference}", Cancel)).GetProperty("status").GetString(),
            s => s == "classified");
        var poisoned = await Eventually.GetAsync(
            async () => await _host.Queue(StorageNames.TipsPoisonQueue).ExistsAsync(Cancel) ? (await _host.Queue(StorageNames.TipsPoisonQueue).PeekMessagesAsync(1, Cancel)).Value.Length : 0,
            count => count > 0);

        // A form post as a browser sends it.
        using var form = new HttpRequestMessage(HttpMethod.Post, "/api/tips")
        {
            Content = new FormUrlEncodedContent([new("text", $"Bilar kör fort vid {Marker}-vägen."), new("place", Marker), new("contact", $"{Marker}@example.se"), new("municipality", "vara")]),
        };
        form.Headers.Accept.ParseAdd("text/html");
        var browser = await client.SendAsync(form, Cancel);
        // The form script's check while writing, with a planted personnummer and an emergency phrase: kinds back, nothing logged.
        using var check = new HttpRequestMessage(HttpMethod.Post, "/api/tips/check")
        {
            Content = JsonContent.Create(new { text = $"Det brinner just nu hos {Marker}, personnummer 19811218-9876", place = $"{Marker}gatan 5" }),
        };
        check.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        var checkedText = await client.SendAsync(check, Cancel);
        Assert.Equal(HttpStatusCode.OK, checkedText.StatusCode);
        Assert.True((await checkedText.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("emergency").GetBoolean());

        // Every resident, follow-up and status route, with the reference where a route takes one.
        string[] routes =
        [
            "/api/stats", $"/api/tips/{reference}", $"/kvitto/{reference}", $"/en/receipt/{reference}", $"/status/{reference}",
            $"/en/status/{reference}", $"/status?reference={reference}", "/status", "/en/status", "/", "/en", "/tillganglighet", "/en/accessibility",
            "/personuppgifter", "/en/personal-data", "/assets/site.css", "/api/followup", "/uppfoljning.atom", "/uppfoljning", "/en/follow-up",
        ];
        var answers = new List<(string Route, HttpStatusCode Code)>();
        foreach (var route in routes)
        {
            answers.Add((route, (await client.GetAsync(route, Cancel)).StatusCode));
        }

        // Every staff route, signed in as someone whose name is an e-mail address holding the marker.
        var week = "2026-W48";
        string[] staffPages = ["/personal/statistik", "/personal/statistik/csv", $"/personal/tips?kommun=grastorp&vecka={week}", "/personal/granskning", "/personal/atgarder"];
        foreach (var page in staffPages.Concat(staffPages.Select(p => "/en" + p)))
        {
            answers.Add((page, (await StaffGetAsync(client, page, page.Contains("/personal/granskning", StringComparison.Ordinal) ? StaffRole.Granskare : StaffRole.Kommunpolis)).StatusCode));
        }

        answers.Add(("correction", (await StaffPostAsync(client, "/personal/tips/rattelse", StaffRole.Kommunpolis, new()
        {
            ["kommun"] = "grastorp", ["vecka"] = week, ["referens"] = reference, ["tema"] = "traffic", ["nyckel"] = Guid.NewGuid().ToString("N"),
        })).StatusCode));
        answers.Add(("move", (await StaffPostAsync(client, $"/personal/tips/{reference}/status", StaffRole.Kommunpolis, new() { ["till"] = "read" })).StatusCode));
        answers.Add(("message", (await StaffPostAsync(client, $"/personal/tips/{reference}/meddelanden", StaffRole.Kommunpolis, new()
        {
            ["meddelande"] = $"Vilken kväll såg du {Marker}?", ["token"] = Guid.NewGuid().ToString("N"),
        })).StatusCode));
        // The conversation's resident routes: the code in the body, an answer with the marker (issue #32).
        foreach (var (open, answer) in new[] { ("/status", "/status/svar"), ("/en/status", "/en/status/answer") })
        {
            using var opened = await client.PostAsync(open, new FormUrlEncodedContent([new("reference", reference)]), Cancel);
            using var answered = await client.PostAsync(answer, new FormUrlEncodedContent([new("reference", reference), new("svar", $"I fredags vid {Marker}."), new("token", Guid.NewGuid().ToString("N"))]), Cancel);
            answers.Add((open, opened.StatusCode));
            answers.Add((answer, answered.StatusCode));
        }

        answers.Add(("action", (await StaffPostAsync(client, "/personal/atgarder", StaffRole.Kommun, new()
        {
            ["commitment"] = "grastorp_2021.trafik", ["date"] = "2026-11-27", ["summary"] = $"Trafikkontroll vid {Marker}-vägen, 45 förare",
        })).StatusCode));

        answers.Add(("action in English", (await StaffPostAsync(client, "/en/personal/atgarder", StaffRole.Kommun, new()
        {
            ["commitment"] = "grastorp_2021.trafik", ["date"] = "2026-11-27", ["summary"] = $"Traffic check by {Marker} road, 45 drivers",
        })).StatusCode));

        foreach (var tipPage in new[] { $"/personal/tips/{reference}", $"/en/personal/tips/{reference}" })
        {
            answers.Add((tipPage, (await StaffGetAsync(client, tipPage, StaffRole.Kommunpolis)).StatusCode));
        }

        // A withdrawal of an action that is not there (404, so not among the answers below 400): it runs, and logs no marker.
        foreach (var withdraw in new[] { "/personal/atgarder/dra-tillbaka", "/en/personal/atgarder/dra-tillbaka" })
        {
            await StaffPostAsync(client, withdraw, StaffRole.Kommun, new() { ["commitment"] = $"grastorp_2021.{Marker}", ["id"] = Marker });
        }

        // The timers: the digest on Monday morning, retention past the period, the audit purge past its own.
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
        await CallTimerAsync(nameof(SendWeeklyDigest));
        await CallTimerAsync(nameof(RefreshFollowUp));
        var digest = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(_host.PickupDirectory)), Cancel);
        _time.Advance(TimeSpan.FromDays(367));
        await CallTimerAsync(nameof(ApplyRetention));
        _time.Advance(TimeSpan.FromDays(731));
        await CallTimerAsync(nameof(PurgeAuditLog));

        Assert.Equal("classified", status);
        Assert.Equal(1, poisoned);
        Assert.Equal(HttpStatusCode.SeeOther, browser.StatusCode);
        Assert.All(answers, a => Assert.True((int)a.Code < 400, $"{a.Route} answered {a.Code}"));
        Assert.Contains(Marker, digest, StringComparison.Ordinal); // the contact is the resident's own, shown as given
        Assert.Empty(Directory.GetFiles(_host.PickupDirectory)); // retention removed the digest file, so it ran for real
        Assert.Contains(_host.Logs.Lines, line => line.Contains("Retention (365 days): 2 tips cleared, 2 receipts", StringComparison.Ordinal));

        // Every function of functions.metadata ran (HTTP by its route template, the others by WebJobs' own line).
        var notRun = WorkerFunctions().Where(f => !Ran(f)).Select(f => f.Name).ToList();
        Assert.True(notRun.Count == 0, $"Not exercised by this test, so not checked for leaks: {string.Join(", ", notRun)}");

        // Logs follow a tip by its keyed pseudonym; the reference itself (a pseudonym of the tip) is never logged.
        var pseudonym = _host.Services.GetRequiredService<Grastorp.Intake.Core.Privacy.ReferencePseudonyms>().Pseudonym(reference);
        Assert.Contains(_host.Logs.Lines, line => line.Contains(pseudonym, StringComparison.Ordinal));
        Assert.Contains(_host.Logs.Lines, line => line.Contains("api/tips/{reference}", StringComparison.Ordinal));
        Assert.Contains(_host.Logs.Lines, line => line.StartsWith("Debug", StringComparison.Ordinal) || line.StartsWith("Trace", StringComparison.Ordinal));
        Assert.Empty(Leaks(reference));
        Assert.Empty(Leaks(Marker));
        Assert.Empty(Leaks(ClientAddress));
        Assert.Empty(Leaks(ForwardedAddress));
        Assert.Empty(Leaks("@example.se"));
        Assert.Empty(Leaks("kommunpolis@grastorp-intake.example")); // the digest's recipient
        Assert.Contains(_host.Logs.Lines, line => line.Contains("api/tips/check", StringComparison.Ordinal));
        Assert.Empty(Leaks("19811218"));
    }

    private IEnumerable<string> Leaks(string value) =>
        _host.Logs.Lines.Where(line => line.Contains(value, StringComparison.OrdinalIgnoreCase)).Select(line => line[..Math.Min(300, line.Length)]);

    private bool Ran((string Name, string Trigger, string Route, string[] Methods) function) => function.Trigger == "httpTrigger"
        ? function.Methods.All(method => _host.Logs.Lines.Any(line => line.Contains($"HTTP {method} /{function.Route} answered", StringComparison.Ordinal)))
        : _host.Logs.Lines.Any(line => line.Contains($"Executed '{function.Name}' (Succeeded", StringComparison.Ordinal));

    private static IEnumerable<(string Name, string Trigger, string Route, string[] Methods)> WorkerFunctions()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")));
        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            yield return (
                function.GetProperty("name").GetString()!,
                trigger.GetProperty("type").GetString()!,
                trigger.TryGetProperty("route", out var route) ? route.GetString()! : string.Empty,
                trigger.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())] : []);
        }
    }

    private Task CallTimerAsync(string name) =>
        _host.Services.GetRequiredService<IJobHost>().CallAsync(
            name, new Dictionary<string, object?> { ["timer"] = new TimerInfo(new DailySchedule("07:00:00"), new ScheduleStatus()) }, Cancel);

    private static async Task<HttpResponseMessage> StaffGetAsync(HttpClient client, string path, StaffRole role)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", StaffCookie(role));
        return await client.SendAsync(request, Cancel);
    }

    private static async Task<HttpResponseMessage> StaffPostAsync(HttpClient client, string path, StaffRole role, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", StaffCookie(role));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await client.SendAsync(request, Cancel);
    }

    public void Dispose() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Gives every request a client address, as a real connection has (the test server leaves it empty).</summary>
    private sealed class ClientAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
