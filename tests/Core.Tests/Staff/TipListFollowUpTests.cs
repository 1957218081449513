using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Microsoft.Extensions.DependencyInjection;
using Grastorp.Intake.Core.Tips.Store.Progressing;
using Grastorp.Intake.Core.Tips.Store.Recording;
using Grastorp.Intake.Core.Tips.Store.Reading;

namespace Grastorp.Intake.Core.Tests.Staff;

/// <summary>
/// What the kommunpolis's list does beyond showing tips, against Azurite: opening it changes nothing and is audited
/// once per page, and a theme correction takes the tip's commitment links and counters along in its transaction.
/// </summary>
public sealed class TipListFollowUpTests : IDisposable
{
    private static readonly StaffPrincipal Polis = new("Kommunpolis Test", new HashSet<StaffRole> { StaffRole.Kommunpolis });

    private readonly ServiceProvider _services = IntakeTestServices.Create(IntakeTestServices.InWeek48());

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TipPartition Week48 => new("grastorp", WeekId.Parse("2026-W48"));

    private TipProgressStore ProgressStore => _services.GetRequiredService<TipProgressStore>();

    private TipRecorder Recorder => _services.GetRequiredService<TipRecorder>();

    private TipWeekReader WeekReader => _services.GetRequiredService<TipWeekReader>();

    private TipListService List => _services.GetRequiredService<TipListService>();

    private async Task<ReceivedTip> RecordAsync(string text, int minute, params ThemeMatch[] themes)
    {
        var tip = TipFactory.Tip(text, DateTimeOffset.Parse("2026-11-24T10:00:00+01:00").AddMinutes(minute));
        var classification = new TipClassification(themes);
        var links = _services.GetRequiredService<PromiseCatalog>().Link("grastorp", 2026, classification);
        Assert.Equal(RecordOutcome.Counted, await Recorder.RecordAsync(tip, classification, links, Token));
        return tip;
    }

    private TipListQuery Query() => List.Parse(new TipListRequest("grastorp", "2026-W48", "alla", "alla", null)).Query!;

    private async Task<IReadOnlyList<AuditEntry>> MovesAsync() =>
        [.. (await _services.GetRequiredService<AuditLog>().ReadAsync(null, null, 200, Token)).Entries.Where(e => e.Action == AuditAction.Moved)];

    [Fact]
    public async Task Opening_the_list_changes_no_stage_and_audits_one_row_per_page_shown()
    {
        var first = await RecordAsync("Knark vid skolan", 1, new ThemeMatch(Theme.Drugs, 0.9, ["knark"]));
        var second = await RecordAsync("Bilar kör fort", 2, new ThemeMatch(Theme.Traffic, 0.9, ["fort"]));
        var forwarded = await RecordAsync("Inbrott i förrådet", 3, new ThemeMatch(Theme.Burglary, 0.9, ["inbrott"]));
        await ProgressStore.MoveAsync(Week48, forwarded.Reference, TipStage.Forwarded, Token);

        var view = await List.ShowAsync(Polis, Query(), Token);
        await List.ShowAsync(Polis, Query(), Token);

        Assert.Equal(TipStage.Classified, view.Page.Tips.Single(t => t.Reference == first.Reference).Stage);
        Assert.Equal(TipStage.Classified, (await ProgressStore.ReadProgressAsync(Week48, first.Reference, Token))!.Stage);
        Assert.Equal(TipStage.Classified, (await ProgressStore.ReadProgressAsync(Week48, second.Reference, Token))!.Stage);
        Assert.Empty(await MovesAsync());
        var entries = (await _services.GetRequiredService<AuditLog>().ReadAsync(null, null, 200, Token)).Entries;
        Assert.DoesNotContain(entries, e => e.Action == AuditAction.Viewed);
        Assert.Equal(2, entries.Count(e => e.Action == AuditAction.ListViewed && e.Detail == "3" && e.Partition == Week48.Key && e.Reference.Length == 0));
    }

    [Fact]
    public async Task A_theme_correction_moves_the_tips_commitment_links_and_counters_with_it()
    {
        var corrected = await RecordAsync("Knark vid skolan", 1, new ThemeMatch(Theme.Drugs, 0.9, ["knark"]));
        await RecordAsync("Mer knark vid skolan", 2, new ThemeMatch(Theme.Drugs, 0.9, ["knark"]));
        await RecordAsync("Bilar kör fort", 3, new ThemeMatch(Theme.Traffic, 0.9, ["fort"]));
        var before = (await WeekReader.ReadCountsAsync(Week48, Token)).Commitments;
        Assert.Equal(2, before["grastorp_2021.skola_droger"]);
        Assert.Equal(1, before["grastorp_2021.trafik"]);

        var outcome = await _services.GetRequiredService<TipCorrectionService>().CorrectAsync(
            Polis, new TipCorrectionRequest("grastorp", "2026-W48", corrected.Reference, [Theme.Traffic], new string('c', 32)), Token);

        Assert.Equal(Core.Tips.Store.Correcting.CorrectionOutcome.Corrected, outcome);
        var after = (await WeekReader.ReadCountsAsync(Week48, Token)).Commitments;
        Assert.Equal(1, after["grastorp_2021.skola_droger"]);
        Assert.Equal(2, after["grastorp_2021.trafik"]);
        Assert.Equal(["grastorp_2021.trafik"], (await ProgressStore.ReadProgressAsync(Week48, corrected.Reference, Token))!.Commitments);

        // Sent twice: applied once, so the counters stay where they are.
        await _services.GetRequiredService<TipCorrectionService>().CorrectAsync(
            Polis, new TipCorrectionRequest("grastorp", "2026-W48", corrected.Reference, [Theme.Traffic], new string('c', 32)), Token);
        Assert.Equal(after, (await WeekReader.ReadCountsAsync(Week48, Token)).Commitments);
    }

    [Fact]
    public async Task A_link_made_by_a_term_goes_when_the_theme_that_matched_the_term_is_taken_away()
    {
        // "mörkt" links the lighting commitment by term; it was matched under traffic.
        var tip = await RecordAsync(
            "Mörkt och knark vid cykelvägen", 1,
            new ThemeMatch(Theme.Drugs, 0.9, ["knark"]),
            new ThemeMatch(Theme.Traffic, 0.6, ["mörkt"]));
        Assert.Equal(
            ["grastorp_2021.belysning_buskar", "grastorp_2021.skola_droger", "grastorp_2021.trafik"],
            (await ProgressStore.ReadProgressAsync(Week48, tip.Reference, Token))!.Commitments.Order(StringComparer.Ordinal));

        await _services.GetRequiredService<TipCorrectionService>().CorrectAsync(
            Polis, new TipCorrectionRequest("grastorp", "2026-W48", tip.Reference, [Theme.Drugs], new string('d', 32)), Token);

        Assert.Equal(["grastorp_2021.skola_droger"], (await ProgressStore.ReadProgressAsync(Week48, tip.Reference, Token))!.Commitments);
        var counts = (await WeekReader.ReadCountsAsync(Week48, Token)).Commitments;
        Assert.Equal(1, counts["grastorp_2021.skola_droger"]);
        Assert.Equal(0, counts["grastorp_2021.trafik"]);
        Assert.Equal(0, counts["grastorp_2021.belysning_buskar"]);

        // Back to both themes: the traffic link returns (by theme), the term link does not (a person added the theme, no term decided it).
        await _services.GetRequiredService<TipCorrectionService>().CorrectAsync(
            Polis, new TipCorrectionRequest("grastorp", "2026-W48", tip.Reference, [Theme.Drugs, Theme.Traffic], new string('e', 32)), Token);

        counts = (await WeekReader.ReadCountsAsync(Week48, Token)).Commitments;
        Assert.Equal(1, counts["grastorp_2021.trafik"]);
        Assert.Equal(0, counts["grastorp_2021.belysning_buskar"]);
    }

    public void Dispose() => _services.Dispose();
}
