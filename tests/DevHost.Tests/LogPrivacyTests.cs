using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grastorp.Intake.Core.Digest;

namespace Grastorp.Intake.DevHost.Tests;

public sealed class LogPrivacyTests : IDisposable
{
    private const string Marker = "ZqxMarker7731";
    private readonly DevHostFactory _host = new();

    [Fact]
    public async Task A_full_run_logs_nothing_the_resident_wrote()
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
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var reference = (await accepted.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("reference").GetString()!;
        var status = await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/tips/{reference}", cancel)).GetProperty("status").GetString(),
            s => s == "classified");
        Assert.Equal("classified", status);
        await client.GetAsync("/api/stats", cancel);
        await _host.Services.GetRequiredService<DigestComposer>().ComposeAsync(
            Core.Calendar.SwedishTime.WeekOf(TimeProvider.System.GetUtcNow()), new DigestRecipientList { Id = "kommunpolis" }, cancel);

        Assert.NotEmpty(_host.Logs.Lines);
        Assert.Contains(_host.Logs.Lines, line => line.Contains(reference, StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains(Marker, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
