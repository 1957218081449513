using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Functions;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.DevHost.Tests;

public sealed class LogPrivacyTests : IDisposable
{
    private const string Marker = "ZqxMarker7731";

    // Sunday of week 48; the test moves the clock to Monday morning to send that week's digest.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly DevHostFactory _host;

    public LogPrivacyTests() => _host = new DevHostFactory(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));

    [Fact]
    public async Task A_full_run_logs_nothing_the_resident_wrote_at_any_level()
    {
        var client = _host.CreateClient();
        var cancel = TestContext.Current.CancellationToken;

        var accepted = await client.PostAsJsonAsync("/api/tips", new
        {
            text = $"Det langas knark vid {Marker}-skolan på kvällarna.",
            place = $"Gatan {Marker}",
            contact = $"{Marker}@example.se",
            consent = true,
        }, cancel);
        var rejected = await client.PostAsJsonAsync("/api/tips", new { text = $"{Marker} kort", kind = Marker, municipality = Marker, place = new string('p', 300) + Marker }, cancel);
        await _host.Queue(StorageNames.TipsQueue).SendMessageAsync($"{{ \"text\": \"{Marker}\" ", cancel);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var reference = (await accepted.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("reference").GetString()!;
        var status = await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/tips/{reference}", cancel)).GetProperty("status").GetString(),
            s => s == "classified");
        var poisoned = await Eventually.GetAsync(
            async () => await _host.Queue(StorageNames.TipsPoisonQueue).ExistsAsync(cancel) ? (await _host.Queue(StorageNames.TipsPoisonQueue).PeekMessagesAsync(1, cancel)).Value.Length : 0,
            count => count > 0);
        // Every other route, with the reference where a route takes one, and a form post as a browser sends it.
        using var form = new HttpRequestMessage(HttpMethod.Post, "/api/tips")
        {
            Content = new FormUrlEncodedContent([new("text", $"Bilar kör fort vid {Marker}-vägen."), new("place", Marker), new("municipality", "vara")]),
        };
        form.Headers.Accept.ParseAdd("text/html");
        var browser = await _host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(form, cancel);
        // The form script's check while writing, with a planted personnummer and an emergency phrase: kinds back, nothing logged.
        using var check = new HttpRequestMessage(HttpMethod.Post, "/api/tips/check")
        {
            Content = JsonContent.Create(new { text = $"Det brinner just nu hos {Marker}, personnummer 19811218-9876", place = $"{Marker}gatan 5" }),
        };
        check.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        var checkedText = await client.SendAsync(check, cancel);
        Assert.Equal(HttpStatusCode.OK, checkedText.StatusCode);
        Assert.True((await checkedText.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("emergency").GetBoolean());
        string[] routes =
        [
            "/api/stats", $"/api/tips/{reference}", $"/kvitto/{reference}", $"/en/receipt/{reference}", $"/status/{reference}",
            $"/en/status/{reference}", $"/status?reference={reference}", "/", "/en", "/tillganglighet", "/en/accessibility",
            "/personuppgifter", "/en/personal-data", "/assets/site.css",
        ];
        var answers = new List<HttpStatusCode>();
        foreach (var route in routes)
        {
            answers.Add((await client.GetAsync(route, cancel)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.SeeOther, browser.StatusCode);
        Assert.All(answers, code => Assert.True((int)code < 500, $"a route answered {code}"));
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
        await _host.Services.GetRequiredService<IJobHost>().CallAsync(
            nameof(SendWeeklyDigest), new Dictionary<string, object?> { ["timer"] = new TimerInfo(new DailySchedule("07:00:00"), new ScheduleStatus()) }, cancel);

        Assert.Equal("classified", status);
        Assert.Equal(1, poisoned);
        var digest = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(_host.PickupDirectory)), cancel);
        Assert.Contains(Marker, digest, StringComparison.Ordinal);
        // Logs follow a tip by its keyed pseudonym; the reference itself (a pseudonym of the tip) is never logged.
        var pseudonym = _host.Services.GetRequiredService<Grastorp.Intake.Core.Privacy.ReferencePseudonyms>().Pseudonym(reference);
        Assert.Contains(_host.Logs.Lines, line => line.Contains(pseudonym, StringComparison.Ordinal));
        Assert.Contains(_host.Logs.Lines, line => line.Contains("api/tips/{reference}", StringComparison.Ordinal));
        Assert.Empty(_host.Logs.Lines.Where(line => line.Contains(reference, StringComparison.OrdinalIgnoreCase)).Select(line => line[..Math.Min(200, line.Length)]));
        Assert.Contains(_host.Logs.Lines, line => line.StartsWith("Debug", StringComparison.Ordinal) || line.StartsWith("Trace", StringComparison.Ordinal));
        Assert.Empty(_host.Logs.Lines.Where(line => line.Contains(Marker, StringComparison.OrdinalIgnoreCase)).Select(line => line[..Math.Min(200, line.Length)]));
        Assert.Contains(_host.Logs.Lines, line => line.Contains("api/tips/check", StringComparison.Ordinal));
        Assert.Empty(_host.Logs.Lines.Where(line => line.Contains("19811218", StringComparison.Ordinal)).Select(line => line[..Math.Min(200, line.Length)]));
    }

    public void Dispose() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
