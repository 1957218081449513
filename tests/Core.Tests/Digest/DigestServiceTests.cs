using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Digest;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Grastorp.Intake.Core.Tests.Digest;

/// <summary>The digest end to end against Azurite and a real pickup folder.</summary>
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

    private string PickupDirectory => _services.GetRequiredService<IOptions<DigestOptions>>().Value.PickupDirectory;

    private async Task RecordAsync(string municipality, string receivedAt, string text, params string[] themes) =>
        await _services.GetRequiredService<TipStore>().RecordAsync(
            TipFactory.Tip(text, DateTimeOffset.Parse(receivedAt), municipality) with { Contact = municipality == "vara" ? "anna@example.se" : null },
            new TipClassification([.. themes.Select(t => new ThemeMatch(t, 1, [t]))]),
            TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_digest_holds_counts_per_municipality_with_the_change_and_the_tips_by_theme()
    {
        await RecordAsync("grastorp", "2026-11-18T10:00:00+01:00", "Förra veckan: knark vid skolan", Theme.Drugs);
        await RecordAsync("grastorp", "2026-11-19T10:00:00+01:00", "Förra veckan: mer knark", Theme.Drugs);
        await RecordAsync("grastorp", "2026-11-24T10:00:00+01:00", "Påverkad förare på riksvägen", Theme.Traffic, Theme.Drugs);
        await RecordAsync("vara", "2026-11-25T10:00:00+01:00", "Inbrott i förrådet på Allégatan", Theme.Burglary);

        var digest = await _services.GetRequiredService<DigestComposer>().ComposeAsync(
            WeekId.Parse("2026-W48", null), _services.GetRequiredService<IOptions<DigestOptions>>().Value.Recipients[0], TestContext.Current.CancellationToken);

        Assert.Equal(["grastorp", "vara", "essunga"], digest.Municipalities.Select(m => m.Municipality.Id));
        var grastorp = digest.Municipalities[0];
        Assert.Equal(new ThemeCount("tips", 1, 2), grastorp.Tips);
        Assert.Equal(-1, grastorp.Themes.Single(t => t.Theme == Theme.Drugs).Change);
        Assert.Equal(1, grastorp.Themes.Single(t => t.Theme == Theme.Traffic).Count);
        Assert.Equal(2, digest.TipCount);
        Assert.Equal([Theme.Traffic, Theme.Burglary], digest.TipsByTheme.Select(g => g.Theme));
        Assert.Equal("anna@example.se", digest.TipsByTheme[1].Tips.Single().Contact);
    }

    [Fact]
    public async Task The_timer_firing_twice_for_one_week_writes_one_digest_per_recipient_list()
    {
        await RecordAsync("vara", "2026-11-25T10:00:00+01:00", "Inbrott i förrådet på Allégatan", Theme.Burglary);
        var digests = _services.GetRequiredService<DigestService>();

        var first = await digests.RunAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromHours(1));
        var second = await digests.RunAsync(TestContext.Current.CancellationToken);

        Assert.All(first, run => Assert.Equal(DigestOutcome.Sent, run.Outcome));
        Assert.All(second, run => Assert.Equal(DigestOutcome.AlreadySent, run.Outcome));
        var files = Directory.GetFiles(PickupDirectory, "*.eml").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["digest-2026-W48-kommunpolis.eml", "digest-2026-W48-vara_kommun.eml"], files);

        using var vara = await MimeMessage.LoadAsync(Path.Combine(PickupDirectory, "digest-2026-W48-vara_kommun.eml"), TestContext.Current.CancellationToken);
        Assert.Equal("trygghet@vara.example", vara.To.Mailboxes.Single().Address);
        Assert.Contains("Allégatan", vara.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Grästorp:", vara.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_firing_at_once_send_each_digest_once()
    {
        using var services = IntakeTestServices.Create(_time, configure: s => s.AddSingleton<IDigestSender, CountingSender>());
        var digests = services.GetRequiredService<DigestService>();

        var runs = (await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => digests.RunAsync(TestContext.Current.CancellationToken)))).SelectMany(r => r).ToList();

        Assert.Single(runs, r => r.Outcome == DigestOutcome.Sent);
        Assert.Equal(["digest-2026-W48-kommunpolis"], ((CountingSender)services.GetRequiredService<IDigestSender>()).Sent);
    }

    [Fact]
    public async Task A_list_may_name_its_municipalities_by_name()
    {
        await RecordAsync("grastorp", "2026-11-24T10:00:00+01:00", "Påverkad förare på riksvägen", Theme.Traffic);
        var list = new DigestRecipientList { Id = "grastorp_kommun", Addresses = ["trygghet@grastorp.example"], Municipalities = ["Grästorp"] };

        var digest = await _services.GetRequiredService<DigestComposer>().ComposeAsync(WeekId.Parse("2026-W48", null), list, TestContext.Current.CancellationToken);

        Assert.Equal("grastorp", Assert.Single(digest.Municipalities).Municipality.Id);
        Assert.Equal(1, digest.TipCount);
    }

    [Fact]
    public async Task A_tip_classified_after_its_week_s_digest_went_out_is_in_the_next_digest_as_late()
    {
        // Week 47's digest is recorded as sent; five minutes later a backlogged week-47 tip is classified.
        var ledger = _services.GetRequiredService<DigestLedger>();
        var list = _services.GetRequiredService<IOptions<DigestOptions>>().Value.Recipients[0];
        var (claim, _) = await ledger.TryClaimAsync(WeekId.Parse("2026-W47", null), list.Id, TestContext.Current.CancellationToken);
        Assert.True(await ledger.MarkSentAsync(claim!, 0, TestContext.Current.CancellationToken));
        _time.Advance(TimeSpan.FromMinutes(5));
        await RecordAsync("grastorp", "2026-11-22T23:50:00+01:00", "Sent på söndagskvällen: inbrott i kiosken", Theme.Burglary);

        var digest = await _services.GetRequiredService<DigestComposer>().ComposeAsync(WeekId.Parse("2026-W48", null), list, TestContext.Current.CancellationToken);

        Assert.Equal("Sent på söndagskvällen: inbrott i kiosken", Assert.Single(digest.LateTips).Text);
        Assert.Contains("Sena tips från vecka 47", DigestText.Body(digest), StringComparison.Ordinal);
        Assert.Equal(0, digest.TipCount);
    }

    private sealed class CountingSender : IDigestSender
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _sent = new();

        public IReadOnlyCollection<string> Sent => _sent;

        public async Task SendAsync(WeeklyDigest digest, CancellationToken cancellationToken)
        {
            // Long enough for the other firings to reach their claim while this one holds it.
            await Task.Delay(100, cancellationToken);
            _sent.Enqueue(digest.OperationId);
        }
    }

    [Fact]
    public async Task Before_seven_on_Monday_morning_nothing_is_sent()
    {
        // 05:00 UTC is 06:00 in Swedish winter time.
        using var early = IntakeTestServices.Create(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero)));

        var runs = await early.GetRequiredService<DigestService>().RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DigestOutcome.NotDue, Assert.Single(runs).Outcome);
        var pickup = early.GetRequiredService<IOptions<DigestOptions>>().Value.PickupDirectory;
        Assert.Empty(Directory.GetFiles(pickup));
    }

    [Fact]
    public async Task A_failed_send_releases_the_claim_so_the_next_firing_sends()
    {
        using var services = IntakeTestServices.Create(_time, configure: s => s.AddSingleton<IDigestSender, FailsOnceSender>());
        var digests = services.GetRequiredService<DigestService>();

        var failure = await Assert.ThrowsAsync<AggregateException>(() => digests.RunAsync(TestContext.Current.CancellationToken));
        Assert.IsType<IOException>(Assert.Single(failure.InnerExceptions));
        var retry = await digests.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DigestOutcome.Sent, Assert.Single(retry).Outcome);
        var sender = (FailsOnceSender)services.GetRequiredService<IDigestSender>();
        Assert.Equal(["digest-2026-W48-kommunpolis"], sender.Sent);
    }

    private sealed class FailsOnceSender : IDigestSender
    {
        private int _calls;

        public List<string> Sent { get; } = [];

        public Task SendAsync(WeeklyDigest digest, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                throw new IOException("mail server down");
            }

            Sent.Add(digest.OperationId);
            return Task.CompletedTask;
        }
    }

    public void Dispose() => _services.Dispose();
}
