using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Grastorp.Intake.Core.Tips.Store.Progressing;
using Grastorp.Intake.Core.Tips.Store.Recording;

namespace Grastorp.Intake.Core.Tests.Digest.Composition;

/// <summary>The digest's "Att följa upp" composed from stored tips against Azurite: stages, ages, commitments and places.</summary>
public sealed class FollowUpCompositionTests : IDisposable
{
    // Monday 2026-11-30 08:15 Swedish time: week 48's digest is due; its follow-up is taken at Sunday 24:00.
    private readonly ServiceProvider _services = IntakeTestServices.Create(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 7, 15, 0, TimeSpan.Zero)));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private TipProgressStore ProgressStore => _services.GetRequiredService<TipProgressStore>();

    private TipRecorder Recorder => _services.GetRequiredService<TipRecorder>();

    private async Task<ReceivedTip> RecordAsync(string municipality, string receivedAt, string? place, string stage, string theme)
    {
        var tip = TipFactory.Tip($"Ett tips om {theme}", DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture), municipality) with { Place = place };
        var classification = new TipClassification([new ThemeMatch(theme, 1, [theme])]);
        var links = _services.GetRequiredService<PromiseCatalog>().Link(municipality, tip.Partition.Week.Year, classification);
        await Recorder.RecordAsync(tip, classification, links, Token);
        if (stage != TipStage.Classified)
        {
            Assert.Equal(ProgressOutcome.Done, await ProgressStore.MoveAsync(tip.Partition, tip.Reference, stage, Token));
        }

        return tip;
    }

    [Fact]
    public async Task Unread_and_stale_tips_are_counted_per_commitment_and_a_place_in_three_tips_is_repeated()
    {
        await RecordAsync("grastorp", "2026-11-24T10:00:00+01:00", "Storgatan 5", TipStage.Classified, Theme.Traffic);
        await RecordAsync("grastorp", "2026-11-25T10:00:00+01:00", "vid storgatan", TipStage.Read, Theme.Traffic);
        // Older than 14 days at the end of week 48: stale unless closed.
        await RecordAsync("grastorp", "2026-11-10T10:00:00+01:00", "STORGATAN 12B", TipStage.Read, Theme.Drugs);
        await RecordAsync("grastorp", "2026-11-09T10:00:00+01:00", "Torget", TipStage.Closed, Theme.Drugs);
        await RecordAsync("grastorp", "2026-11-16T12:00:00+01:00", "Torget", TipStage.Forwarded, Theme.Burglary);
        // Twelve weeks back is week 37: a tip of week 36 is beyond the look-back.
        await RecordAsync("grastorp", "2026-09-01T10:00:00+02:00", "Storgatan", TipStage.Classified, Theme.Traffic);
        await RecordAsync("vara", "2026-11-26T10:00:00+01:00", "Allégatan", TipStage.Classified, Theme.Burglary);
        var list = _services.GetRequiredService<IOptions<DigestOptions>>().Value.Recipients[0];

        var digest = await _services.GetRequiredService<DigestComposer>().ComposeAsync(WeekId.Parse("2026-W48"), list, Token);

        Assert.Equal(SwedishTime.AtLocal(new DateOnly(2026, 11, 30), TimeOnly.MinValue), digest.FollowUpAsOf);
        Assert.Equal(["grastorp", "vara", "essunga"], digest.FollowUp.Select(f => f.Municipality.Id));
        var grastorp = digest.FollowUp[0];
        Assert.Equal((1, 1), (grastorp.Unread, grastorp.Stale));
        Assert.Equal(
            [("grastorp_2021.trafik", 1, 0), ("grastorp_2021.skola_droger", 0, 1), ("grastorp_2021.grannsamverkan", 0, 0), ("grastorp_2021.belysning_buskar", 0, 0), ("grastorp_2021.gang_cykelvagar", 0, 0)],
            grastorp.Commitments.Select(c => (c.Commitment, c.Unread, c.Stale)));
        var place = Assert.Single(grastorp.RepeatedPlaces);
        Assert.Equal(("storgatan", 3), (place.Key, place.Tips));
        Assert.Equal([Theme.Drugs, Theme.Traffic], place.Themes);

        // Vara's promise is an example (not in use), so only its totals.
        Assert.Equal((1, 0), (digest.FollowUp[1].Unread, digest.FollowUp[1].Stale));
        Assert.Empty(digest.FollowUp[1].Commitments);
        Assert.Empty(digest.FollowUp[1].RepeatedPlaces);
        Assert.Equal((0, 0), (digest.FollowUp[2].Unread, digest.FollowUp[2].Stale));
    }

    public void Dispose() => _services.Dispose();
}
