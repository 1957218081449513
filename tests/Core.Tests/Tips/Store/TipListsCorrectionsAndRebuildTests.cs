using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips.Store.Correcting;
using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Microsoft.Extensions.DependencyInjection;
using Grastorp.Intake.Core.Tips.Store.Rebuilding;
using Grastorp.Intake.Core.Tips.Store.Recording;
using Grastorp.Intake.Core.Tips.Store.Reading;

namespace Grastorp.Intake.Core.Tests.Tips.Store;

/// <summary>What the staff area needs from the tips table's owners: kind counters, time-ordered pages (TipLister), corrections (TipCorrector), a rebuild (CounterRebuilder).</summary>
public sealed class TipListsCorrectionsAndRebuildTests : IDisposable
{
    private static readonly TipClassification Drugs = new([new ThemeMatch(Theme.Drugs, 0.9, ["knark"])]);
    private static readonly TipClassification Traffic = new([new ThemeMatch(Theme.Traffic, 0.9, ["fort"])]);

    private readonly ServiceProvider _services = IntakeTestServices.Create(IntakeTestServices.InWeek48());

    private CounterRebuilder Rebuilder => _services.GetRequiredService<CounterRebuilder>();

    private TipCorrector Corrector => _services.GetRequiredService<TipCorrector>();

    private TipLister Lister => _services.GetRequiredService<TipLister>();

    private TipRecorder Recorder => _services.GetRequiredService<TipRecorder>();

    private TipWeekReader WeekReader => _services.GetRequiredService<TipWeekReader>();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TipPartition Week48 => new("grastorp", WeekId.Parse("2026-W48"));

    private static ReceivedTip Tip(string text, int minute, TipKind kind = TipKind.Tip) =>
        TipFactory.Tip(text, DateTimeOffset.Parse("2026-11-24T10:00:00+01:00").AddMinutes(minute)) with { Kind = kind };

    [Fact]
    public async Task Kinds_are_counted_apart_and_together()
    {
        await Recorder.RecordAsync(Tip("Knark vid skolan", 1), Drugs, Token);
        await Recorder.RecordAsync(Tip("Mer knark vid skolan", 2, TipKind.Idea), Drugs, Token);
        await Recorder.RecordAsync(Tip("Bilar kör fort", 3, TipKind.Idea), Traffic, Token);

        var counts = await WeekReader.ReadCountsAsync(Week48, Token);

        Assert.Equal(3, counts.Tips);
        Assert.Equal(2, counts.Of(Theme.Drugs));
        Assert.Equal(1, counts.OfKind("tip").Tips);
        Assert.Equal(1, counts.OfKind("tip").Of(Theme.Drugs));
        Assert.Equal(2, counts.OfKind("idea").Tips);
        Assert.Equal(1, counts.OfKind("idea").Of(Theme.Drugs));
        Assert.Equal(1, counts.OfKind("idea").Of(Theme.Traffic));
        Assert.Equal(0, counts.OfKind("feedback").Tips);
    }

    [Fact]
    public async Task The_list_is_newest_first_in_pages_that_continue_where_the_last_stopped()
    {
        var tips = Enumerable.Range(0, 5).Select(i => Tip($"Knark nummer {i}", i)).ToList();
        foreach (var tip in tips)
        {
            await Recorder.RecordAsync(tip, Drugs, Token);
        }

        var first = await Lister.ListAsync(Week48, new TipListFilter(null, null, 2, null), Token);
        var second = await Lister.ListAsync(Week48, new TipListFilter(null, null, 2, first.Next), Token);
        var third = await Lister.ListAsync(Week48, new TipListFilter(null, null, 2, second.Next), Token);

        var newestFirst = tips.Select(t => t.Reference).Reverse().ToList();
        Assert.Equal(newestFirst, first.Tips.Concat(second.Tips).Concat(third.Tips).Select(t => t.Reference));
        Assert.NotNull(second.Next);
        Assert.Null(third.Next);
        Assert.Equal(["knark"], first.Tips[0].Themes.Single().Matched);
    }

    [Fact]
    public async Task The_list_filters_by_kind_and_theme_on_the_server()
    {
        var drugTip = Tip("Knark vid skolan", 1);
        var trafficIdea = Tip("Bilar kör fort", 2, TipKind.Idea);
        var drugIdea = Tip("Knark i parken", 3, TipKind.Idea);
        await Recorder.RecordAsync(drugTip, Drugs, Token);
        await Recorder.RecordAsync(trafficIdea, Traffic, Token);
        await Recorder.RecordAsync(drugIdea, Drugs, Token);

        var ideas = await Lister.ListAsync(Week48, new TipListFilter("idea", null, 10, null), Token);
        var drugs = await Lister.ListAsync(Week48, new TipListFilter(null, Theme.Drugs, 10, null), Token);
        var drugIdeas = await Lister.ListAsync(Week48, new TipListFilter("idea", Theme.Drugs, 10, null), Token);

        Assert.Equal([drugIdea.Reference, trafficIdea.Reference], ideas.Tips.Select(t => t.Reference));
        Assert.Equal([drugIdea.Reference, drugTip.Reference], drugs.Tips.Select(t => t.Reference));
        Assert.Equal([drugIdea.Reference], drugIdeas.Tips.Select(t => t.Reference));
    }

    [Fact]
    public async Task A_correction_moves_exactly_one_count_and_keeps_the_original_classification()
    {
        var tip = Tip("Knark vid skolan", 1, TipKind.Idea);
        await Recorder.RecordAsync(tip, Drugs, Token);
        await Recorder.RecordAsync(Tip("Mer knark", 2), Drugs, Token);
        var before = await WeekReader.ReadCountsAsync(Week48, Token);

        var outcome = await Corrector.CorrectAsync(Week48, new(tip.Reference, [Theme.Traffic], new string('a', 32), "Eva Polis"), Token);

        var after = await WeekReader.ReadCountsAsync(Week48, Token);
        Assert.Equal(CorrectionOutcome.Corrected, outcome);
        Assert.Equal(before.Tips, after.Tips);
        Assert.Equal(before.Of(Theme.Drugs) - 1, after.Of(Theme.Drugs));
        Assert.Equal(before.Of(Theme.Traffic) + 1, after.Of(Theme.Traffic));
        Assert.Equal(0, after.OfKind("idea").Of(Theme.Drugs));
        Assert.Equal(1, after.OfKind("idea").Of(Theme.Traffic));
        Assert.Equal(1, after.OfKind("tip").Of(Theme.Drugs));
        var listed = (await Lister.ListAsync(Week48, new TipListFilter(null, null, 10, null), Token)).Tips.Single(t => t.Reference == tip.Reference);
        Assert.Equal([Theme.Traffic], listed.Themes.Select(t => t.Theme));
        Assert.Equal([Theme.Drugs], listed.ClassifiedThemes);
        Assert.Equal("Eva Polis", listed.CorrectedBy);
        Assert.DoesNotContain((await Lister.ListAsync(Week48, new TipListFilter(null, Theme.Drugs, 10, null), Token)).Tips, t => t.Reference == tip.Reference);
    }

    [Fact]
    public async Task The_same_correction_sent_twice_or_at_once_is_applied_once()
    {
        var tip = Tip("Knark vid skolan", 1);
        await Recorder.RecordAsync(tip, Drugs, Token);
        var correction = new ThemeCorrection(tip.Reference, [Theme.Traffic, Theme.Drugs], new string('b', 32), "Eva Polis");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Corrector.CorrectAsync(Week48, correction, Token)));
        var again = await Corrector.CorrectAsync(Week48, correction, Token);

        Assert.Single(outcomes, CorrectionOutcome.Corrected);
        Assert.Equal(CorrectionOutcome.AlreadyApplied, again);
        var counts = await WeekReader.ReadCountsAsync(Week48, Token);
        Assert.Equal(1, counts.Of(Theme.Drugs));
        Assert.Equal(1, counts.Of(Theme.Traffic));
        Assert.Equal(1, counts.Tips);
    }

    [Fact]
    public async Task Rebuilding_restores_every_counter_from_the_tip_rows()
    {
        await Recorder.RecordAsync(Tip("Knark vid skolan", 1), Drugs, Token);
        await Recorder.RecordAsync(Tip("Bilar kör fort", 2, TipKind.Feedback), Traffic, Token);
        var expected = await WeekReader.ReadCountsAsync(Week48, Token);
        var table = await _services.GetRequiredService<IntakeTables>().TipsAsync();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey ge {"count"} and RowKey lt {"count."}"), cancellationToken: Token))
        {
            await table.DeleteEntityAsync(row, cancellationToken: Token);
        }

        Assert.Equal(0, (await WeekReader.ReadCountsAsync(Week48, Token)).Tips);

        var summary = await Rebuilder.RebuildCountersAsync(Token);

        var rebuilt = await WeekReader.ReadCountsAsync(Week48, Token);
        Assert.Equal(new RebuildSummary(1, 2), summary);
        Assert.Equal(expected.Tips, rebuilt.Tips);
        Assert.Equal(expected.Themes.OrderBy(p => p.Key), rebuilt.Themes.OrderBy(p => p.Key));
        Assert.Equal(1, rebuilt.OfKind("feedback").Of(Theme.Traffic));
        Assert.Equal(1, rebuilt.OfKind("tip").Of(Theme.Drugs));
    }

    public void Dispose() => _services.Dispose();
}
