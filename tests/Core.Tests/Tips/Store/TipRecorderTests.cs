using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Microsoft.Extensions.DependencyInjection;
using Grastorp.Intake.Core.Tips.Store.Recording;
using Grastorp.Intake.Core.Tips.Store.Reading;
using Grastorp.Intake.Core.Tips.Store.Rows;

namespace Grastorp.Intake.Core.Tests.Tips.Store;

/// <summary>Recording a tip (TipRecorder): every counter it touches moves once, whatever the delivery: twice, at once, from another instance.</summary>
public sealed class TipRecorderTests : IDisposable
{
    private static readonly TipClassification DrugsAndTraffic = new([
        new ThemeMatch(Theme.Traffic, 0.9, ["rattfylleri"]),
        new ThemeMatch(Theme.Drugs, 0.8, ["påverkad"]),
    ]);

    private readonly ServiceProvider _services = IntakeTestServices.Create(IntakeTestServices.InWeek48());

    private TipRecorder Recorder => _services.GetRequiredService<TipRecorder>();

    private TipWeekReader WeekReader => _services.GetRequiredService<TipWeekReader>();

    private static TipPartition Week48(string municipality = "grastorp") => new(municipality, WeekId.Parse("2026-W48"));

    [Fact]
    public async Task A_tip_moves_the_tips_counter_and_every_theme_counter_it_has()
    {
        var tip = TipFactory.Tip("En påverkad förare körde genom byn", DateTimeOffset.Parse("2026-11-24T10:00:00+01:00"));

        var outcome = await Recorder.RecordAsync(tip, DrugsAndTraffic, TestContext.Current.CancellationToken);

        Assert.Equal(RecordOutcome.Counted, outcome);
        var counts = await WeekReader.ReadCountsAsync(Week48(), TestContext.Current.CancellationToken);
        Assert.Equal(1, counts.Tips);
        Assert.Equal(1, counts.Of(Theme.Traffic));
        Assert.Equal(1, counts.Of(Theme.Drugs));
        Assert.Equal(0, counts.Of(Theme.Burglary));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_counts_once()
    {
        var tip = TipFactory.Tip("En påverkad förare körde genom byn", DateTimeOffset.Parse("2026-11-24T10:00:00+01:00"));

        var first = await Recorder.RecordAsync(tip, DrugsAndTraffic, TestContext.Current.CancellationToken);
        var second = await Recorder.RecordAsync(tip, DrugsAndTraffic, TestContext.Current.CancellationToken);

        Assert.Equal(RecordOutcome.Counted, first);
        Assert.Equal(RecordOutcome.AlreadyCounted, second);
        var counts = await WeekReader.ReadCountsAsync(Week48(), TestContext.Current.CancellationToken);
        Assert.Equal(1, counts.Tips);
        Assert.Equal(1, counts.Of(Theme.Drugs));
    }

    [Fact]
    public async Task A_store_that_remembers_its_last_counters_still_counts_right_after_another_instance_wrote()
    {
        // Two function instances on one storage account: the first remembers the counters its last write left and
        // skips the read; the second moves them meanwhile, so the first must notice (ETag) and count from a fresh read.
        var connection = _services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["AzureWebJobsStorage"];
        using var other = IntakeTestServices.Create(IntakeTestServices.InWeek48(), new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection });
        var otherRecorder = other.GetRequiredService<TipRecorder>();
        var at = DateTimeOffset.Parse("2026-11-24T10:00:00+01:00");
        var cancel = TestContext.Current.CancellationToken;

        Assert.Equal(RecordOutcome.Counted, await Recorder.RecordAsync(TipFactory.Tip("Första tipset om en påverkad förare", at), DrugsAndTraffic, cancel));
        Assert.Equal(RecordOutcome.Counted, await otherRecorder.RecordAsync(TipFactory.Tip("Andra tipset om en påverkad förare", at.AddMinutes(1)), DrugsAndTraffic, cancel));
        var third = TipFactory.Tip("Tredje tipset om en påverkad förare", at.AddMinutes(2));
        Assert.Equal(RecordOutcome.Counted, await Recorder.RecordAsync(third, DrugsAndTraffic, cancel));
        Assert.Equal(RecordOutcome.AlreadyCounted, await Recorder.RecordAsync(third, DrugsAndTraffic, cancel));
        Assert.Equal(RecordOutcome.AlreadyCounted, await otherRecorder.RecordAsync(third, DrugsAndTraffic, cancel));

        var counts = await WeekReader.ReadCountsAsync(Week48(), cancel);
        Assert.Equal(3, counts.Tips);
        Assert.Equal(3, counts.Of(Theme.Drugs));
        Assert.Equal(3, counts.Of(Theme.Traffic));
    }

    [Fact]
    public async Task Copies_of_one_message_processed_at_the_same_time_count_once()
    {
        var tip = TipFactory.Tip("En påverkad förare körde genom byn", DateTimeOffset.Parse("2026-11-24T10:00:00+01:00"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Recorder.RecordAsync(tip, DrugsAndTraffic, TestContext.Current.CancellationToken)));

        Assert.Single(outcomes, RecordOutcome.Counted);
        var counts = await WeekReader.ReadCountsAsync(Week48(), TestContext.Current.CancellationToken);
        Assert.Equal(1, counts.Tips);
    }

    [Fact]
    public async Task Twenty_tips_processed_concurrently_in_one_week_give_exactly_twenty()
    {
        var tips = Enumerable.Range(0, 20)
            .Select(i => TipFactory.Tip($"Tips nummer {i} om en påverkad förare", DateTimeOffset.Parse("2026-11-25T10:00:00+01:00").AddMinutes(i)))
            .ToList();

        var outcomes = await Task.WhenAll(tips.Select(t => Recorder.RecordAsync(t, DrugsAndTraffic, TestContext.Current.CancellationToken)));

        Assert.All(outcomes, o => Assert.Equal(RecordOutcome.Counted, o));
        var counts = await WeekReader.ReadCountsAsync(Week48(), TestContext.Current.CancellationToken);
        Assert.Equal(20, counts.Tips);
        Assert.Equal(20, counts.Of(Theme.Drugs));
        Assert.Equal(20, counts.Of(Theme.Traffic));
        var stored = await _services.GetRequiredService<TipWeekReader>().ReadTipsAsync(Week48(), TestContext.Current.CancellationToken);
        Assert.Equal(tips.Select(t => t.Reference).Order(), stored.Select(t => t.Reference).Order());
    }

    [Fact]
    public async Task A_tip_is_counted_in_the_Swedish_week_it_arrived_in()
    {
        // Sunday 23:30 UTC is already Monday in Sweden: week 49, not 48.
        var tip = TipFactory.Tip("Inbrott i förrådet natten till måndag", DateTimeOffset.Parse("2026-11-29T23:30:00Z"), "vara");

        await Recorder.RecordAsync(tip, new TipClassification([new ThemeMatch(Theme.Burglary, 1, ["inbrott"])]), TestContext.Current.CancellationToken);

        Assert.Equal(0, (await WeekReader.ReadCountsAsync(Week48("vara"), TestContext.Current.CancellationToken)).Tips);
        Assert.Equal(1, (await WeekReader.ReadCountsAsync(new TipPartition("vara", WeekId.Parse("2026-W49")), TestContext.Current.CancellationToken)).Tips);
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Counter_rows_sort_apart_from_tip_references()
    {
        // Tip row keys are upper-case Crockford base32; counters must sort after every one of them.
        Assert.True(string.CompareOrdinal("ZZZZZZZZZZ", TipRowKeys.TipsCounter) < 0);
        Assert.StartsWith(TipRowKeys.CounterPrefix + "-", TipRowKeys.ThemeCounter("drugs"), StringComparison.Ordinal);
    }
}
