using System.Text;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Tips.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grastorp.Intake.Core.Tests.Tips.Intake;

/// <summary>
/// The form script's check, through Core's real registration: read as a submission is read, checked with the same
/// rules, refused from anywhere but the site's own pages, and nothing of it logged or kept.
/// </summary>
public sealed class TipCheckServiceTests : IDisposable
{
    private const string Host = "tips.grastorp.se";
    private const string Marker = "ZqxCheck4410";
    private readonly CapturedLogs _logs = new();
    private readonly ServiceProvider _services;

    public TipCheckServiceTests() =>
        _services = IntakeTestServices.Create(IntakeTestServices.InWeek48(), configure: s => s.AddLogging(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)));

    private Task<(Core.Tips.Check.TipCheck? Check, SubmitOutcome? Refusal)> CheckAsync(
        string body, string contentType = "application/json", string? origin = "https://" + Host, string? fetchSite = "same-origin", long? length = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new TipRequest(contentType, length ?? bytes.Length, new MemoryStream(bytes)) { Source = new(origin, fetchSite, Host) };
        return _services.GetRequiredService<TipCheckService>().CheckAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Text_and_place_give_the_kinds_and_the_cue()
    {
        var (check, refusal) = await CheckAsync("""{"text":"Det brinner just nu, han har personnummer 19811218-9876","place":"Storgatan 5B"}""");

        Assert.Null(refusal);
        Assert.Equal([PersonalDataKind.Personnummer, PersonalDataKind.Address], check!.PersonalData);
        Assert.True(check.Emergency);
    }

    [Fact]
    public async Task Past_tense_gives_no_cue_and_a_plain_text_nothing()
    {
        Assert.False((await CheckAsync("""{"text":"det brann förra året"}""")).Check!.Emergency);
        var (check, _) = await CheckAsync("""{"text":"Bilarna kör för fort förbi skolan."}""");
        Assert.False(check!.Nudge);
        Assert.False(check.Emergency);
    }

    [Fact]
    public async Task The_check_is_not_validated_as_a_tip_so_a_short_text_or_a_place_alone_is_checked()
    {
        Assert.True((await CheckAsync("""{"text":"ABC 123"}""")).Check!.Nudge);
        Assert.True((await CheckAsync("""{"place":"Järnvägsgatan 12"}""")).Check!.Nudge);
        Assert.False((await CheckAsync("""{}""")).Check!.Nudge);
    }

    [Fact]
    public async Task Only_as_much_as_a_tip_may_hold_is_checked_so_every_check_stays_cheap()
    {
        var filler = new string('x', 7_990);

        Assert.True((await CheckAsync($$"""{"text":"{{filler[..3_000]}} ABC 123"}""")).Check!.Nudge);
        Assert.False((await CheckAsync($$"""{"text":"{{filler}} {{filler}} ABC 123"}""")).Check!.Nudge);
    }

    [Fact]
    public async Task Hidden_characters_cannot_hide_a_number_from_the_check_as_they_cannot_from_the_submission()
    {
        // A zero-width space inside the personnummer: normalised away as for a submission.
        var (check, _) = await CheckAsync("{\"text\":\"personnummer 19811218\u200B-9876\"}");

        Assert.Equal([PersonalDataKind.Personnummer], check!.PersonalData);
    }

    [Theory]
    [InlineData("https://evil.example", "cross-site")]
    [InlineData(null, null)]
    [InlineData("https://evil.example", null)]
    public async Task Another_site_or_a_client_without_origin_is_refused_before_the_body_is_read(string? origin, string? fetchSite)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes("""{"text":"det brinner just nu"}"""));
        var request = new TipRequest("application/json", body.Length, body) { Source = new(origin, fetchSite, Host) };

        var (check, refusal) = await _services.GetRequiredService<TipCheckService>().CheckAsync(request, TestContext.Current.CancellationToken);

        Assert.Null(check);
        Assert.IsType<SubmitOutcome.CrossSite>(refusal);
        Assert.Equal(0, body.Position);
    }

    [Fact]
    public async Task Bad_bodies_get_the_submissions_refusals_never_an_exception()
    {
        Assert.IsType<SubmitOutcome.Invalid>((await CheckAsync("""{"text":""")).Refusal);
        Assert.IsType<SubmitOutcome.Invalid>((await CheckAsync("""{"text":12}""")).Refusal);
        Assert.IsType<SubmitOutcome.UnsupportedMediaType>((await CheckAsync("text=hej", contentType: "text/plain")).Refusal);
        Assert.IsType<SubmitOutcome.TooLarge>((await CheckAsync("{}", length: 1 << 20)).Refusal);
        Assert.IsType<SubmitOutcome.TooLarge>((await CheckAsync($"{{\"text\":\"{new string('a', 70_000)}\"}}", length: null)).Refusal);
    }

    [Fact]
    public async Task Nothing_of_what_was_checked_is_logged()
    {
        await CheckAsync($$"""{"text":"{{Marker}} det brinner just nu 19811218-9876","place":"{{Marker}}gatan 5"}""");
        await CheckAsync($$"""{"text":"{{Marker}}""");
        // The capture works: a refused submission is logged (by field name only).
        using var tip = new MemoryStream(Encoding.UTF8.GetBytes("""{"text":"kort"}"""));
        await _services.GetRequiredService<TipIntakeService>().SubmitAsync(new TipRequest("application/json", tip.Length, tip), TestContext.Current.CancellationToken);
        Assert.Contains(_logs.Lines, line => line.Contains("invalid fields", StringComparison.Ordinal));

        Assert.DoesNotContain(_logs.Lines, line => line.Contains(Marker, StringComparison.Ordinal) || line.Contains("9876", StringComparison.Ordinal));
    }

    public void Dispose() => _services.Dispose();
}
