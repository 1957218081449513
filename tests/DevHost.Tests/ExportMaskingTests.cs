using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Staff.Access;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>
/// A tip full of personal data (personnummer, phone, e-mail, plate, address) goes through the running DevHost; no
/// export or JSON answer carries any of it (the CSV and /api/stats are counts only; status, follow-up JSON and feed
/// say nothing of the text), while the signed-in kommunpolis's tip list shows it marked where the digest masks it.
/// </summary>
public sealed class ExportMaskingTests : IAsyncDisposable
{
    private const string Personnummer = "19811218-9876";
    private const string MistypedPersonnummer = "19850101-1234"; // wrong check digit: masked by its shape all the same
    private const string Phone = "070-123 45 67";
    private const string Email = "kalle.svensson@example.se";
    private const string Plate = "ABC 123";
    private const string Address = "Storgatan 5B";

    // Each planted value, and the spellings an export might normalise it to.
    private static readonly string[] Planted =
        [Personnummer, "198112189876", "8112189876", "811218-9876", MistypedPersonnummer, "8501011234", Phone, "0701234567", "+46701234567", Email, "kalle.svensson", Plate, "ABC123", Address];

    private readonly DevHostFactory _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Cookie(StaffRole role) => $"dev-staff-principal={ClientPrincipal.Write("Test " + role, role, "grastorp")}"; // Kommun: Kommun.grastorp

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path, StaffRole? role = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (role is { } r)
        {
            request.Headers.Add("Cookie", Cookie(r));
        }

        using var response = await client.SendAsync(request, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_planted_personnummer_phone_and_plate_never_leave_in_an_export_or_JSON_but_are_marked_on_the_tip_list()
    {
        using var client = _host.CreateClient(new() { AllowAutoRedirect = false });
        var text = $"Mannen med personnummer {Personnummer} (eller {MistypedPersonnummer}) ringer från {Phone} och mejlar {Email}. Han kör {Plate} och langar knark.";
        var submitted = await client.PostAsJsonAsync("/api/tips", new { text, place = Address, municipality = "grastorp", kind = "tip" }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var reference = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reference").GetString()!;
        await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/tips/{reference}", Cancel)).GetProperty("status").GetString(),
            s => s == "classified");

        var week = SwedishTime.WeekOf(DateTimeOffset.UtcNow);
        var dashboardQuery = $"kommun=alla&period=veckor&fran={week}&till={week}&typ=alla";
        var outputs = new (string Path, StaffRole? Role)[]
        {
            ($"/api/stats?from={week}&to={week}", null),
            ($"/api/stats?from={week}&to={week}&municipality=grastorp&kind=tip", null),
            ("/api/followup", null),
            ("/uppfoljning.atom", null),
            ($"/api/tips/{reference}", null),
            ($"/status/{reference}", null),
            ($"/en/status/{reference}", null),
            ($"/personal/statistik/csv?{dashboardQuery}", StaffRole.Kommun),
            ($"/en/personal/statistik/csv?{dashboardQuery}", StaffRole.Kommun),
            ($"/personal/statistik?{dashboardQuery}", StaffRole.Kommun),
            ($"/en/personal/statistik?{dashboardQuery}", StaffRole.Kommun),
        };
        foreach (var (path, role) in outputs)
        {
            var (status, body) = await GetAsync(client, path, role);
            Assert.True(status == HttpStatusCode.OK, $"{path}: {status}");
            foreach (var value in Planted)
            {
                Assert.False(body.Contains(value, StringComparison.OrdinalIgnoreCase), $"{path} carries {value}");
            }
        }

        // The counts did see the tip: the exports are not empty, they are counts.
        var (_, csv) = await GetAsync(client, $"/personal/statistik/csv?kommun=grastorp&period=veckor&fran={week}&till={week}&typ=tip", StaffRole.Kommun);
        Assert.Contains($"{week};Grästorp;Tips;", csv, StringComparison.Ordinal);
        Assert.NotEqual($"{week};Grästorp;Tips;0;0;0;0;0", csv.Split("\r\n")[1]);

        // Only the signed-in kommunpolis sees the original, each item marked with what the digest shows instead, on the tip's page.
        var (listStatus, list) = await GetAsync(client, $"/personal/tips/{reference}", StaffRole.Kommunpolis);
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains($"<mark class=\"pii\" data-kind=\"personnummer\">{Personnummer}<span class=\"pii-kind\" aria-hidden=\"true\">personnummer</span><span class=\"visually-hidden\"> (personnummer – maskeras i sammandraget)</span></mark>", list, StringComparison.Ordinal);
        Assert.Contains($"<mark class=\"pii\" data-kind=\"personnummer\">{MistypedPersonnummer}<span", list, StringComparison.Ordinal);
        Assert.Contains($"<mark class=\"pii\" data-kind=\"phone\">{Phone}", list, StringComparison.Ordinal);
        Assert.Contains($"<mark class=\"pii\" data-kind=\"email\">{Email}", list, StringComparison.Ordinal);
        Assert.Contains($"<mark class=\"pii\" data-kind=\"plate\">{Plate}", list, StringComparison.Ordinal);
        Assert.Contains($"<mark class=\"pii\" data-kind=\"address\">{Address}", list, StringComparison.Ordinal);
        Assert.Contains("id=\"pii-legend-title\"", list, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
