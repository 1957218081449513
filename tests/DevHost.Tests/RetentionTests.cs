using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Functions;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>The retention timer on the running DevHost: what the resident and the kommunpolis see before and after.</summary>
public sealed class RetentionTests : IDisposable
{
    private const string Text = "Det langas knark vid skolan på kvällarna, bakom idrottshallen.";

    // Thursday of week 48.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly DevHostFactory _host;

    public RetentionTests() => _host = new DevHostFactory(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_the_period_the_code_is_unknown_the_staff_list_says_the_text_is_removed_and_the_counts_stand()
    {
        var client = _host.CreateClient(new() { AllowAutoRedirect = false });
        var accepted = await client.PostAsJsonAsync("/api/tips", new { text = Text, place = "Idrottshallen", contact = "anna@example.se", consent = true }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var reference = (await accepted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reference").GetString()!;
        await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/tips/{reference}", Cancel)).GetProperty("status").GetString(),
            s => s == "classified");
        var unknown = TipReference.New().Value;
        const string list = "/personal/tips?kommun=grastorp&vecka=2026-W48";
        // Stats read the rollup, written just after the tip's transaction: it may lag the status by a moment.
        var statsBefore = await Eventually.GetAsync(
            () => client.GetStringAsync("/api/stats?from=2026-W48&to=2026-W48", Cancel),
            s => JsonDocument.Parse(s).RootElement.GetProperty("all").GetProperty("total").GetProperty("tips").GetInt32() == 1);

        _time.Advance(TimeSpan.FromDays(364));
        await RetentionAsync();
        var listBefore = await StaffPageAsync(client, list);
        var statusBefore = await client.GetAsync($"/status/{reference}", Cancel);

        _time.Advance(TimeSpan.FromDays(2));
        await RetentionAsync();
        var listAfter = await StaffPageAsync(client, list);
        var api = await client.GetAsync($"/api/tips/{reference}", Cancel);
        var apiUnknown = await client.GetAsync($"/api/tips/{unknown}", Cancel);
        var page = await client.GetAsync($"/status/{reference}", Cancel);
        var pageUnknown = await client.GetAsync($"/status/{unknown}", Cancel);
        var statsAfter = await client.GetStringAsync("/api/stats?from=2026-W48&to=2026-W48", Cancel);

        Assert.Contains(Text, listBefore, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, statusBefore.StatusCode);
        Assert.DoesNotContain(Text, listAfter, StringComparison.Ordinal);
        Assert.DoesNotContain("Idrottshallen", listAfter, StringComparison.Ordinal);
        Assert.DoesNotContain("anna@example.se", listAfter, StringComparison.Ordinal);
        Assert.Contains("Texten är borttagen enligt gallringsregeln", listAfter, StringComparison.Ordinal);
        Assert.Contains(reference, listAfter, StringComparison.Ordinal); // still listed, with its week and themes
        // The same answers as for a code never issued.
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (api.StatusCode, apiUnknown.StatusCode));
        Assert.Equal(await apiUnknown.Content.ReadAsStringAsync(Cancel), await api.Content.ReadAsStringAsync(Cancel));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (page.StatusCode, pageUnknown.StatusCode));
        Assert.Equal((await pageUnknown.Content.ReadAsStringAsync(Cancel)).Replace(unknown, "CODE", StringComparison.Ordinal), (await page.Content.ReadAsStringAsync(Cancel)).Replace(reference, "CODE", StringComparison.Ordinal));
        Assert.Equal(statsBefore, statsAfter);
    }

    private async Task RetentionAsync() =>
        await _host.Services.GetRequiredService<IJobHost>().CallAsync(
            nameof(ApplyRetention), new Dictionary<string, object?> { ["timer"] = new TimerInfo(new DailySchedule("02:30:00"), new ScheduleStatus()) }, Cancel);

    private static async Task<string> StaffPageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"dev-staff-principal={ClientPrincipal.Write("Test Kommunpolis", StaffRole.Kommunpolis)}");
        var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
    }

    public void Dispose() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
