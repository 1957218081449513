using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips.Store.Correcting;
using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Poisoning;
using Grastorp.Intake.Core.Retention;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Queue;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.Core.Tips.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Grastorp.Intake.Core.Tips.Store.Progressing;
using Grastorp.Intake.Core.Tips.Store.Recording;
using Grastorp.Intake.Core.Tests.Tips.Store;
using Grastorp.Intake.Core.Tips.Store.Reading;

namespace Grastorp.Intake.Core.Tests.Retention;

/// <summary>
/// The retention rule against Azurite, with the clock moved across the boundary: at day 364 everything is still
/// there; at day 366 what the resident wrote is gone and every count, week and theme is as it was.
/// </summary>
public sealed class RetentionServiceTests : IDisposable
{
    private const string Commitment = "trygghet.skolan";

    private static readonly TipClassification Drugs = new([new ThemeMatch(Theme.Drugs, 0.9, ["knark"]), new ThemeMatch(Theme.Burglary, 0.4, ["skolan"])]);

    // The queue stamps a poisoned message with the real clock, so the fake clock starts at the real now.
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ServiceProvider _services;

    public RetentionServiceTests() => _services = IntakeTestServices.Create(_time, new Dictionary<string, string?> { ["Retention:Days"] = "365" });

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A tip with everything a resident can write, under a reference the receipt store issued (as the intake does).</summary>
    private Task<ReceivedTip> FullTipAsync(string text, ServiceProvider? services = null) =>
        TipFactory.IssuedAsync(services ?? _services, text, _time.GetUtcNow(), "grastorp", Token);

    [Fact]
    public async Task A_tip_keeps_its_text_at_day_364_and_loses_text_place_and_contact_at_day_366_while_counts_and_themes_stay()
    {
        var corrector = Get<TipCorrector>();
        var lister = Get<TipLister>();
        var progressStore = Get<TipProgressStore>();
        var weekReader = Get<TipWeekReader>();
        var tip = await FullTipAsync("Det langas knark vid skolan på kvällarna.");
        var corrected = await FullTipAsync("Någon säljer knark bakom skolan varje fredag.");
        var reference = await IssueAndRecordAsync(tip, [Commitment]);
        await IssueAndRecordAsync(corrected, []);
        Assert.Equal(CorrectionOutcome.Corrected, await corrector.CorrectAsync(corrected.Partition, new ThemeCorrection(corrected.Reference, [Theme.Traffic], "req-1", "polis@example.se"), Token));
        await LegacyReply.WriteAsync(Get<IntakeTables>(), tip.Partition, tip.Reference, "Tack, vi har pratat med skolan om Storgatan 5.", _time.GetUtcNow(), Token);
        var countsBefore = await weekReader.ReadCountsAsync(tip.Partition, Token);

        _time.Advance(TimeSpan.FromDays(364));
        var early = await Get<RetentionService>().RunAsync(Token);
        var keptList = await lister.ListAsync(tip.Partition, new TipListFilter(null, null, 10, null), Token);

        Assert.Equal(0, early.TipsCleared);
        Assert.Equal(0, early.ReceiptsRemoved);
        Assert.All(keptList.Tips, t => Assert.Null(t.RemovedAt));
        Assert.Contains(keptList.Tips, t => t.Text == tip.Text && t.Place == tip.Place && t.Contact == tip.Contact);
        Assert.NotNull(await Get<TipStatusService>().FindAsync(reference, Token));

        _time.Advance(TimeSpan.FromDays(2));
        var late = await Get<RetentionService>().RunAsync(Token);
        var list = await lister.ListAsync(tip.Partition, new TipListFilter(null, null, 10, null), Token);
        var stored = await weekReader.ReadTipsAsync(tip.Partition, Token);
        var countsAfter = await weekReader.ReadCountsAsync(tip.Partition, Token);

        Assert.Equal(2, late.TipsCleared);
        Assert.Equal(2, late.ReceiptsRemoved);
        Assert.Equal(2, list.Tips.Count);
        Assert.All(list.Tips, t =>
        {
            Assert.NotNull(t.RemovedAt);
            Assert.Equal(string.Empty, t.Text);
            Assert.Null(t.Place);
            Assert.Null(t.Contact);
            Assert.Null(t.ObservedAt);
            Assert.All(t.Themes, theme => Assert.Empty(theme.Matched)); // the terms are words from the text
        });
        Assert.Equal([Theme.Drugs, Theme.Burglary], list.Tips.Single(t => t.Reference == tip.Reference).Themes.Select(t => t.Theme));
        var fixedTip = list.Tips.Single(t => t.Reference == corrected.Reference);
        Assert.Equal([Theme.Traffic], fixedTip.Themes.Select(t => t.Theme));
        Assert.Equal([Theme.Drugs, Theme.Burglary], fixedTip.ClassifiedThemes);
        Assert.All(stored, t => Assert.Equal((string.Empty, (string?)null, (string?)null), (t.Text, t.Place, t.Contact)));
        Assert.Equal("tip", Assert.Single(stored, t => t.Reference == tip.Reference).Kind);
        // Not one counter moved: all, per theme, per kind, per commitment.
        Assert.Equal(countsBefore.Tips, countsAfter.Tips);
        Assert.Equal(countsBefore.Themes.OrderBy(t => t.Key), countsAfter.Themes.OrderBy(t => t.Key));
        Assert.Equal(countsBefore.OfKind("tip").Themes.OrderBy(t => t.Key), countsAfter.OfKind("tip").Themes.OrderBy(t => t.Key));
        Assert.Equal(1, countsAfter.Commitments[Commitment]);
        // The reply may quote the tip; the commitment link stays.
        var progress = await progressStore.ReadProgressAsync(tip.Partition, tip.Reference, Token);
        Assert.Null(progress!.Reply);
        Assert.Equal([Commitment], progress.Commitments);
        // The reference no longer confirms a tip: the same answer as an unknown one.
        Assert.Null(await Get<TipStatusService>().FindAsync(reference, Token));
        Assert.True(TipReference.TryParse(reference, out var parsed));
        Assert.Null(await Get<ReceiptStore>().FindAsync(parsed, Token));
    }

    [Fact]
    public async Task Poisoned_messages_ledger_rows_and_digest_files_go_after_the_period_and_not_before()
    {
        var queues = Get<TipQueues>();
        var tip = await FullTipAsync("Det langas knark vid skolan på kvällarna.");
        await queues.SendToPoisonAsync(TipMessageCodec.Encode(TipMessage.From(tip)), Token);
        await queues.SendToPoisonAsync("{ \"text\": \"broken", Token);
        await Get<PoisonLedger>().RecordAsync(Guid.NewGuid().ToString(), 5, "failed every try", Token);
        var pickup = Get<IOptions<Core.Digest.Settings.DigestOptions>>().Value.PickupDirectory;
        var week = Grastorp.Intake.Core.Calendar.SwedishTime.WeekOf(_time.GetUtcNow());
        // The digest of the tip's week, as the sender names it; judged by that week, not by the file's time stamp.
        var file = Path.Combine(pickup, $"{Core.Digest.Message.DigestFileName.For(week, "kommunpolis", 0)}.eml");
        var unrelated = Path.Combine(pickup, "notes.txt");
        Directory.CreateDirectory(pickup);
        await File.WriteAllTextAsync(file, "Subject: digest", Token);
        await File.WriteAllTextAsync(unrelated, "not a digest", Token);

        _time.Advance(TimeSpan.FromDays(364));
        var early = await Get<RetentionService>().RunAsync(Token);

        Assert.Equal((0, 0, 0), (early.PoisonedMessagesRemoved, early.PoisonLedgerRowsRemoved, early.DigestFilesRemoved));
        Assert.Equal(2, (await queues.ListPoisonedAsync(Token)).Count); // the kept ones are visible again at once
        Assert.Equal(1, await Get<PoisonLedger>().CountAsync(week, Token));
        Assert.True(File.Exists(file));

        // The moment the last tip the week's digest can show is past retention (later than now + 365 days).
        _time.SetUtcNow(Grastorp.Intake.Core.Calendar.SwedishTime.EndOf(week).AddDays(365));
        var late = await Get<RetentionService>().RunAsync(Token);
        var again = await Get<RetentionService>().RunAsync(Token);

        Assert.Equal((2, 1, 1), (late.PoisonedMessagesRemoved, late.PoisonLedgerRowsRemoved, late.DigestFilesRemoved));
        Assert.Empty(await queues.ListPoisonedAsync(Token));
        Assert.Equal(0, await Get<PoisonLedger>().CountAsync(week, Token));
        Assert.False(File.Exists(file));
        Assert.True(File.Exists(unrelated)); // only the sender's own files
        Assert.Equal((0, 0, 0, 0, 0), (again.TipsCleared, again.ReceiptsRemoved, again.PoisonedMessagesRemoved, again.PoisonLedgerRowsRemoved, again.DigestFilesRemoved));
    }

    [Fact]
    public async Task A_firing_removes_at_most_MaxPerRun_of_each_kind_and_the_next_firing_finishes()
    {
        using var services = IntakeTestServices.Create(_time, new Dictionary<string, string?> { ["Retention:MaxPerRun"] = "2" });
        var recorder = services.GetRequiredService<TipRecorder>();
        var lister = services.GetRequiredService<TipLister>();
        var weekReader = services.GetRequiredService<TipWeekReader>();
        var tips = new List<ReceivedTip>();
        for (var i = 0; i < 3; i++)
        {
            tips.Add(await FullTipAsync($"Knark vid skolan, gång nummer {i}.", services));
            await recorder.RecordAsync(tips[^1], Drugs, Token);
        }

        _time.Advance(TimeSpan.FromDays(366));
        var first = await services.GetRequiredService<RetentionService>().RunAsync(Token);
        var second = await services.GetRequiredService<RetentionService>().RunAsync(Token);
        var third = await services.GetRequiredService<RetentionService>().RunAsync(Token);

        Assert.Equal((2, 2, true), (first.TipsCleared, first.ReceiptsRemoved, first.MoreWaiting));
        Assert.Equal((1, 1, false), (second.TipsCleared, second.ReceiptsRemoved, second.MoreWaiting));
        Assert.Equal((0, 0), (third.TipsCleared, third.ReceiptsRemoved));
        Assert.All((await lister.ListAsync(tips[0].Partition, new TipListFilter(null, null, 10, null), Token)).Tips, t => Assert.NotNull(t.RemovedAt));
        Assert.Equal(3, (await weekReader.ReadCountsAsync(tips[0].Partition, Token)).Tips);
    }

    [Fact]
    public async Task Two_firings_at_once_clear_each_tip_once_and_fail_neither()
    {
        var lister = Get<TipLister>();
        var weekReader = Get<TipWeekReader>();
        var tips = new List<ReceivedTip>();
        for (var i = 0; i < 6; i++)
        {
            tips.Add(await FullTipAsync($"Knark vid skolan, gång nummer {i}."));
            await IssueAndRecordAsync(tips[^1], []);
        }

        _time.Advance(TimeSpan.FromDays(366));
        var both = await Task.WhenAll(Get<RetentionService>().RunAsync(Token), Get<RetentionService>().RunAsync(Token));

        Assert.Equal(6, both.Sum(s => s.TipsCleared)); // a tip the other run cleared first is skipped (its ETag moved), not an error
        Assert.Equal(6, both.Sum(s => s.ReceiptsRemoved));
        Assert.All((await lister.ListAsync(tips[0].Partition, new TipListFilter(null, null, 10, null), Token)).Tips, t => Assert.Equal(string.Empty, t.Text));
        Assert.Equal(6, (await weekReader.ReadCountsAsync(tips[0].Partition, Token)).Tips);
    }

    [Theory]
    [InlineData("29")]
    [InlineData("3651")]
    [InlineData("ett år")]
    public void A_retention_period_out_of_range_stops_the_start(string days)
    {
        using var services = IntakeTestServices.Create(_time, new Dictionary<string, string?> { ["Retention:Days"] = days });

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IOptions<RetentionOptions>>().Value);

        Assert.Contains("Retention:Days", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pages_promise_the_period_retention_applies()
    {
        using var services = IntakeTestServices.Create(_time, new Dictionary<string, string?> { ["Retention:Days"] = "730", ["Site:RetentionDays"] = "30", ["Site:ContactEmail"] = "a@example.se", ["Site:DataProtectionOfficerEmail"] = "b@example.se" });

        Assert.Equal(730, services.GetRequiredService<IOptions<SiteOptions>>().Value.RetentionDays);
    }

    private async Task<string> IssueAndRecordAsync(ReceivedTip tip, IReadOnlyList<string> commitments)
    {
        Assert.Equal(RecordOutcome.Counted, await Get<TipRecorder>().RecordAsync(tip, Drugs, commitments, Token));
        return tip.Reference;
    }

    public void Dispose() => _services.Dispose();
}
