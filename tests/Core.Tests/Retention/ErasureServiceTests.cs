using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Retention;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Queue;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.Core.Tips.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Grastorp.Intake.Core.Tips.Store.Recording;
using Grastorp.Intake.Core.Tips.Store.Reading;

namespace Grastorp.Intake.Core.Tests.Retention;

/// <summary>A resident's request to remove what they wrote, by reference, against Azurite: content gone, counts kept.</summary>
public sealed class ErasureServiceTests : IDisposable
{
    private static readonly TipClassification Drugs = new([new ThemeMatch(Theme.Drugs, 0.9, ["knark"])]);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.FromHours(1)));
    private readonly ServiceProvider _services;

    public ErasureServiceTests() => _services = IntakeTestServices.Create(_time, new Dictionary<string, string?>());

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    private Task<ReceivedTip> IssueAsync(string text) => TipFactory.IssuedAsync(_services, text, _time.GetUtcNow(), "vara", Token);

    [Fact]
    public async Task An_erased_tip_loses_text_place_and_contact_keeps_its_counts_and_its_reference_becomes_unknown()
    {
        var lister = Get<TipLister>();
        var recorder = Get<TipRecorder>();
        var weekReader = Get<TipWeekReader>();
        var tip = await IssueAsync("Det langas knark vid skolan på kvällarna.");
        var other = await IssueAsync("Någon säljer knark bakom skolan varje fredag.");
        Assert.Equal(RecordOutcome.Counted, await recorder.RecordAsync(tip, Drugs, [], Token));
        Assert.Equal(RecordOutcome.Counted, await recorder.RecordAsync(other, Drugs, [], Token));
        var countsBefore = await weekReader.ReadCountsAsync(tip.Partition, Token);

        // As a resident may read it out: lower case, with a hyphen.
        var outcome = await Get<ErasureService>().EraseAsync(tip.Reference[..5].ToLowerInvariant() + "-" + tip.Reference[5..], Token);

        Assert.Equal(ErasureOutcome.Erased, outcome);
        var list = await lister.ListAsync(tip.Partition, new TipListFilter(null, null, 10, null), Token);
        var erased = Assert.Single(list.Tips, t => t.Reference == tip.Reference);
        Assert.Equal((string.Empty, (string?)null, (string?)null, (DateTimeOffset?)null), (erased.Text, erased.Place, erased.Contact, erased.ObservedAt));
        Assert.NotNull(erased.RemovedAt);
        Assert.Equal([Theme.Drugs], erased.Themes.Select(t => t.Theme));
        Assert.Equal(other.Text, Assert.Single(list.Tips, t => t.Reference == other.Reference).Text);
        var countsAfter = await weekReader.ReadCountsAsync(tip.Partition, Token);
        Assert.Equal(countsBefore.Tips, countsAfter.Tips);
        Assert.Equal(countsBefore.Themes.OrderBy(t => t.Key), countsAfter.Themes.OrderBy(t => t.Key));
        Assert.Null(await Get<TipStatusService>().FindAsync(tip.Reference, Token));
        Assert.NotNull(await Get<TipStatusService>().FindAsync(other.Reference, Token));
        // Asked again: the reference is unknown now, and nothing changes.
        Assert.Equal(ErasureOutcome.Unknown, await Get<ErasureService>().EraseAsync(tip.Reference, Token));
    }

    [Fact]
    public async Task A_tip_not_stored_yet_is_left_alone_with_its_receipt_so_the_request_can_be_run_again()
    {
        var tip = await IssueAsync("Det langas knark vid skolan på kvällarna.");

        Assert.Equal(ErasureOutcome.NotYetStored, await Get<ErasureService>().EraseAsync(tip.Reference, Token));
        Assert.Equal(TipStatus.Received, (await Get<TipStatusService>().FindAsync(tip.Reference, Token))?.Status);

        Assert.Equal(RecordOutcome.Counted, await Get<TipRecorder>().RecordAsync(tip, Drugs, [], Token));
        Assert.Equal(ErasureOutcome.Erased, await Get<ErasureService>().EraseAsync(tip.Reference, Token));
    }

    [Fact]
    public async Task A_poisoned_tip_is_erased_by_deleting_its_message_and_other_poisoned_tips_stay()
    {
        var queues = Get<TipQueues>();
        var tip = await IssueAsync("Det langas knark vid skolan på kvällarna.");
        var other = await IssueAsync("Någon säljer knark bakom skolan varje fredag.");
        await queues.SendToPoisonAsync(TipMessageCodec.Encode(TipMessage.From(tip)), Token);
        await queues.SendToPoisonAsync(TipMessageCodec.Encode(TipMessage.From(other)), Token);

        Assert.Equal(ErasureOutcome.Erased, await Get<ErasureService>().EraseAsync(tip.Reference, Token));

        Assert.Equal([other.Reference], (await queues.ListPoisonedAsync(Token)).Select(p => p.Reference));
        Assert.Null(await Get<TipStatusService>().FindAsync(tip.Reference, Token));
        Assert.Equal(TipStatus.NotProcessed, (await Get<TipStatusService>().FindAsync(other.Reference, Token))?.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a reference")]
    [InlineData("0123456789")]
    public async Task A_malformed_or_unknown_reference_changes_nothing(string? reference) =>
        Assert.Equal(ErasureOutcome.Unknown, await Get<ErasureService>().EraseAsync(reference, Token));

    public void Dispose() => _services.Dispose();
}
