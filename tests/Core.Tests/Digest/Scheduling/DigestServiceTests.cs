using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Delivery;
using Grastorp.Intake.Core.Digest.Ledger;
using Grastorp.Intake.Core.Digest.Scheduling;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Grastorp.Intake.Core.Tips.Store.Recording;

namespace Grastorp.Intake.Core.Tests.Digest.Scheduling;

/// <summary>The digest end to end against Azurite: due weeks, claims, catch-up, late tips and the pickup folder.</summary>
public sealed class DigestServiceTests : IDisposable
{
    // Monday 2026-11-30 08:15 Swedish time (07:15 UTC): week 48's digest is due.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 7, 15, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;

    public DigestServiceTests() => _services = IntakeTestServices.Create(_time, new Dictionary<string, string?>
    {
        ["Digest:Recipients:1:Id"] = "vara_kommun",
        ["Digest:Recipients:1:Addresses:0"] = "trygghet@vara.example",
        ["Digest:Recipients:1:Municipalities:0"] = "vara",
    });

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string PickupDirectory => _services.GetRequiredService<IOptions<DigestOptions>>().Value.PickupDirectory;

    private DigestRecipientList Kommunpolis => _services.GetRequiredService<IOptions<DigestOptions>>().Value.Recipients[0];

    private async Task RecordAsync(string municipality, string receivedAt, string text, params string[] themes) =>
        await RecordAsync(_services, municipality, receivedAt, text, themes);

    private static async Task RecordAsync(IServiceProvider services, string municipality, string receivedAt, string text, params string[] themes) =>
        await services.GetRequiredService<TipRecorder>().RecordAsync(
            TipFactory.Tip(text, DateTimeOffset.Parse(receivedAt), municipality) with { Contact = municipality == "vara" ? "anna@example.se" : null },
            new TipClassification([.. themes.Select(t => new ThemeMatch(t, 1, [t]))]),
            Token);

    [Fact]
    public async Task The_digest_holds_counts_per_municipality_with_the_change_and_the_tips_under_each_of_their_themes()
    {
        await RecordAsync("grastorp", "2026-11-18T10:00:00+01:00", "Förra veckan: knark vid skolan", Theme.Drugs);
        await RecordAsync("grastorp", "2026-11-19T10:00:00+01:00", "Förra veckan: mer knark", Theme.Drugs);
        await RecordAsync("grastorp", "2026-11-24T10:00:00+01:00", "Påverkad förare på riksvägen", Theme.Traffic, Theme.Drugs);
        await RecordAsync("vara", "2026-11-25T10:00:00+01:00", "Inbrott i förrådet på Allégatan", Theme.Burglary);

        var digest = await _services.GetRequiredService<DigestComposer>().ComposeAsync(WeekId.Parse("2026-W48"), Kommunpolis, Token);

        Assert.Equal(["grastorp", "vara", "essunga"], digest.Municipalities.Select(m => m.Municipality.Id));
        var grastorp = digest.Municipalities[0];
        Assert.Equal(new ThemeCount("tips", 1, 2, 0.5), grastorp.Tips);
        Assert.Equal(-1, grastorp.Themes.Single(t => t.Theme == Theme.Drugs).Change);
        Assert.Equal(1, grastorp.Themes.Single(t => t.Theme == Theme.Traffic).Count);
        Assert.Equal(2, digest.TipCount);
        // The two-theme tip is under both of its themes, so each heading's count is the summary's.
        Assert.Equal([Theme.Drugs, Theme.Traffic, Theme.Burglary], digest.TipsByTheme.Select(g => g.Theme));
        foreach (var group in digest.TipsByTheme)
        {
            Assert.Equal(digest.Municipalities.Sum(m => m.Themes.Single(t => t.Theme == group.Theme).Count), group.Count);
        }

        Assert.Equal("anna@example.se", digest.TipsByTheme[2].Tips.Single().Contact);
    }

    [Fact]
    public async Task The_timer_firing_twice_for_one_week_writes_one_digest_per_recipient_list()
    {
        await RecordAsync("vara", "2026-11-25T10:00:00+01:00", "Inbrott i förrådet på Allégatan", Theme.Burglary);
        var digests = _services.GetRequiredService<DigestService>();

        var first = await digests.RunAsync(Token);
        _time.Advance(TimeSpan.FromHours(1));
        var second = await digests.RunAsync(Token);

        Assert.All(first, run => Assert.Equal(DigestOutcome.Sent, run.Outcome));
        Assert.All(second, run => Assert.Equal(DigestOutcome.AlreadySent, run.Outcome));
        var files = Directory.GetFiles(PickupDirectory, "*.eml").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["digest-2026-W48-kommunpolis.eml", "digest-2026-W48-vara_kommun.eml"], files);

        using var vara = await MimeMessage.LoadAsync(Path.Combine(PickupDirectory, "digest-2026-W48-vara_kommun.eml"), Token);
        Assert.Equal("trygghet@vara.example", vara.To.Mailboxes.Single().Address);
        Assert.DoesNotContain("Grästorp", vara.TextBody, StringComparison.Ordinal);

        // Vara's list is the municipality's (no audience set): counts only. The kommunpolis's list has the tip.
        Assert.Contains("1 nya meddelanden", vara.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Allégatan", vara.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Allégatan", vara.HtmlBody, StringComparison.Ordinal);
        using var polis = await MimeMessage.LoadAsync(Path.Combine(PickupDirectory, "digest-2026-W48-kommunpolis.eml"), Token);
        Assert.Contains("Allégatan", polis.TextBody, StringComparison.Ordinal);
        Assert.Contains("Allégatan", polis.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_firing_at_once_send_each_digest_once()
    {
        var sender = new RecordingSender(hold: TimeSpan.FromMilliseconds(100));
        using var services = IntakeTestServices.Create(_time, configure: s => s.AddSingleton<IDigestSender>(sender));
        var digests = services.GetRequiredService<DigestService>();

        var runs = (await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => digests.RunAsync(Token)))).SelectMany(r => r).ToList();

        Assert.Single(runs, r => r.Outcome == DigestOutcome.Sent);
        Assert.Equal(["digest-2026-W48-kommunpolis"], sender.Names);
    }

    [Fact]
    public async Task A_list_may_name_its_municipalities_by_name()
    {
        await RecordAsync("grastorp", "2026-11-24T10:00:00+01:00", "Påverkad förare på riksvägen", Theme.Traffic);
        var list = new DigestRecipientList { Id = "grastorp_kommun", Addresses = ["trygghet@grastorp.example"], Municipalities = ["Grästorp"] };

        var digest = await _services.GetRequiredService<DigestComposer>().ComposeAsync(WeekId.Parse("2026-W48"), list, Token);

        Assert.Equal("grastorp", Assert.Single(digest.Municipalities).Municipality.Id);
        Assert.Equal(1, digest.TipCount);
    }

    [Fact]
    public async Task A_tip_classified_between_the_claim_and_the_confirmation_of_its_week_is_in_the_next_digest_as_late()
    {
        // Week 47's digest is claimed at 07:15 and read; a backlogged week-47 tip is classified a minute later,
        // while the e-mail is still going out; the week is confirmed sent a minute after that.
        var ledger = _services.GetRequiredService<DigestLedger>();
        var (claim, _) = await ledger.TryClaimAsync(WeekId.Parse("2026-W47"), Kommunpolis.Id, Token);
        var week47 = await _services.GetRequiredService<DigestComposer>().ComposeAsync(WeekId.Parse("2026-W47"), Kommunpolis, Token);
        _time.Advance(TimeSpan.FromMinutes(1));
        await RecordAsync("grastorp", "2026-11-22T23:50:00+01:00", "Sent på söndagskvällen: inbrott i kiosken", Theme.Burglary);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await ledger.MarkSentAsync(claim!, week47.TipCount, Token));

        var week48 = await _services.GetRequiredService<DigestComposer>().ComposeAsync(WeekId.Parse("2026-W48"), Kommunpolis, Token);

        Assert.Equal(0, week47.TipCount);
        Assert.Equal("Sent på söndagskvällen: inbrott i kiosken", Assert.Single(week48.LateTips).Text);
        Assert.Equal(0, week48.TipCount);
    }

    [Fact]
    public async Task A_tip_classified_before_its_week_was_claimed_is_not_late()
    {
        await RecordAsync("grastorp", "2026-11-22T23:50:00+01:00", "Söndagskväll: inbrott i kiosken", Theme.Burglary);
        _time.Advance(TimeSpan.FromMinutes(1));
        var ledger = _services.GetRequiredService<DigestLedger>();
        var (claim, _) = await ledger.TryClaimAsync(WeekId.Parse("2026-W47"), Kommunpolis.Id, Token);
        Assert.True(await ledger.MarkSentAsync(claim!, 1, Token));

        var week48 = await _services.GetRequiredService<DigestComposer>().ComposeAsync(WeekId.Parse("2026-W48"), Kommunpolis, Token);

        Assert.Empty(week48.LateTips);
    }

    [Fact]
    public async Task Before_seven_on_Monday_morning_nothing_is_sent()
    {
        // 05:00 UTC is 06:00 in Swedish winter time.
        using var early = IntakeTestServices.Create(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero)));

        var runs = await early.GetRequiredService<DigestService>().RunAsync(Token);

        Assert.Equal(DigestOutcome.NotDue, Assert.Single(runs).Outcome);
        var pickup = early.GetRequiredService<IOptions<DigestOptions>>().Value.PickupDirectory;
        Assert.Empty(Directory.GetFiles(pickup));
    }

    [Fact]
    public async Task A_failed_send_releases_the_claim_so_the_next_firing_sends()
    {
        var sender = new RecordingSender(failFirst: 1);
        using var services = IntakeTestServices.Create(_time, configure: s => s.AddSingleton<IDigestSender>(sender));
        var digests = services.GetRequiredService<DigestService>();

        var failure = await Assert.ThrowsAsync<AggregateException>(() => digests.RunAsync(Token));
        Assert.Equal("IOException", Assert.IsType<DigestSendFailedException>(Assert.Single(failure.InnerExceptions)).Failure);
        var retry = await digests.RunAsync(Token);

        Assert.Equal(DigestOutcome.Sent, Assert.Single(retry).Outcome);
        Assert.Equal(["digest-2026-W48-kommunpolis"], sender.Names);
    }

    [Fact]
    public async Task A_week_missed_while_the_app_was_down_is_sent_late_at_the_next_firing_oldest_first_and_once()
    {
        // Week 47's digest goes out on Monday 23 Nov; the app is down over Monday 30 Nov, when week 48's was due, and
        // comes back on Monday 7 Dec, when week 49's is due too.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        var sender = new RecordingSender();
        using var services = IntakeTestServices.Create(time, configure: s => s.AddSingleton<IDigestSender>(sender));
        var digests = services.GetRequiredService<DigestService>();
        Assert.Equal(DigestOutcome.Sent, Assert.Single(await digests.RunAsync(Token)).Outcome);
        await RecordAsync(services, "grastorp", "2026-11-25T10:00:00+01:00", "Vecka 48: bil kör för fort vid skolan", Theme.Traffic);

        time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero));
        var back = await digests.RunAsync(Token);
        time.Advance(TimeSpan.FromHours(1));
        var again = await digests.RunAsync(Token);

        Assert.Equal(
            [new DigestRun(WeekId.Parse("2026-W48"), "kommunpolis", DigestOutcome.Sent), new DigestRun(WeekId.Parse("2026-W49"), "kommunpolis", DigestOutcome.Sent)],
            back);
        Assert.Equal([new DigestRun(WeekId.Parse("2026-W49"), "kommunpolis", DigestOutcome.AlreadySent)], again);
        Assert.Equal(["digest-2026-W47-kommunpolis", "digest-2026-W48-kommunpolis", "digest-2026-W49-kommunpolis"], sender.Names);
        Assert.Contains("bil kör för fort", sender.Sent[1].PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_firings_at_once_after_an_outage_send_each_missed_week_once()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        var sender = new RecordingSender(hold: TimeSpan.FromMilliseconds(100));
        using var services = IntakeTestServices.Create(time, configure: s => s.AddSingleton<IDigestSender>(sender));
        var digests = services.GetRequiredService<DigestService>();
        await digests.RunAsync(Token);
        time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero));

        await Task.WhenAll(digests.RunAsync(Token), digests.RunAsync(Token));

        Assert.Equal(
            ["digest-2026-W47-kommunpolis", "digest-2026-W48-kommunpolis", "digest-2026-W49-kommunpolis"],
            sender.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_new_installation_sends_only_the_due_week()
    {
        var sender = new RecordingSender();
        using var services = IntakeTestServices.Create(_time, configure: s => s.AddSingleton<IDigestSender>(sender));

        await services.GetRequiredService<DigestService>().RunAsync(Token);

        Assert.Equal(["digest-2026-W48-kommunpolis"], sender.Names);
    }

    public void Dispose() => _services.Dispose();
}
