using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Digest.Ledger;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Stats.EarlyWarning;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Places;
using Grastorp.Intake.Core.Poisoning;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Store.Reading;

namespace Grastorp.Intake.Core.Digest.Composition;

/// <summary>Builds a week's digest for one recipient list from the counters, the stored tips and the poison register.</summary>
public sealed class DigestComposer(
    TipWeekReader tips, DigestLedger ledger, PoisonLedger poisoned, MunicipalityCatalog municipalities, ThemeCatalog catalog, PromiseCatalog promises, EarlyWarningService earlyWarning)
{
    /// <summary>The weeks before the digest week whose average is shown beside each count.</summary>
    public const int AverageWeeks = 4;

    /// <summary>
    /// How far back "Att följa upp" looks (the digest week and the weeks before it): a bound on the partitions read
    /// each Monday. A tip left open longer than this drops out of the digest but stays in the tip list.
    /// </summary>
    public const int FollowUpWeeks = 12;

    /// <summary>A tip older than this, counted from the end of the digest week, that is not closed is "to follow up".</summary>
    public const int StaleDays = 14;

    public async Task<WeeklyDigest> ComposeAsync(WeekId week, DigestRecipientList recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var covered = Covered(recipients);
        var earlier = Earlier(week).ToList();
        var reads = new List<(Municipality Municipality, PartitionCounts Current, IReadOnlyList<PartitionCounts> Earlier)>();
        var weekTips = new List<StoredTip>();
        var lateTips = new List<StoredTip>();
        var cutOff = await ledger.CutOffAsync(week.Previous(), recipients.Id, cancellationToken).ConfigureAwait(false);
        var asOf = SwedishTime.EndOf(week);
        var followUp = new List<FollowUpDigest>();
        foreach (var municipality in covered)
        {
            var partition = new TipPartition(municipality.Id, week);
            var current = await tips.ReadCountsAsync(partition, cancellationToken).ConfigureAwait(false);
            var before = new List<PartitionCounts>();
            foreach (var previous in earlier)
            {
                before.Add(await tips.ReadCountsAsync(partition with { Week = previous }, cancellationToken).ConfigureAwait(false));
            }

            reads.Add((municipality, current, before));
            weekTips.AddRange(await tips.ReadTipsAsync(partition, cancellationToken).ConfigureAwait(false));
            if (cutOff is { } claimedAt)
            {
                var previousTips = await tips.ReadTipsAsync(partition with { Week = week.Previous() }, cancellationToken).ConfigureAwait(false);
                lateTips.AddRange(previousTips.Where(t => t.ClassifiedAt > claimedAt));
            }

            followUp.Add(await FollowUpAsync(municipality, week, asOf, cancellationToken).ConfigureAwait(false));
        }

        var themes = catalog.ReportOrder(reads.SelectMany(r => r.Earlier.Prepend(r.Current)).SelectMany(c => c.Themes.Keys));
        var perMunicipality = reads
            .Select(r => new MunicipalityDigest(
                r.Municipality,
                Count(ThemeCount.AllTips, r.Current, r.Earlier, c => c.Tips),
                [.. themes.Select(t => Count(t, r.Current, r.Earlier, c => c.Of(t)))]))
            .ToList();
        var newestFirst = weekTips.OrderByDescending(t => t.ReceivedAt).ThenBy(t => t.Reference, StringComparer.Ordinal).ToList();
        var byTheme = themes
            .Select(theme => new ThemeTips(
                theme,
                [.. newestFirst.Where(t => IsTip(t) && t.Themes.Contains(theme))],
                newestFirst.Count(t => !IsTip(t) && t.Themes.Contains(theme))))
            .Where(group => group.Count > 0)
            .ToList();
        return new WeeklyDigest(week, recipients, themes, perMunicipality, byTheme)
        {
            IdeasAndFeedback = [.. newestFirst.Where(t => !IsTip(t))],
            LateTips = [.. lateTips.OrderByDescending(t => t.ReceivedAt)],
            PoisonedCount = await poisoned.CountAsync(week, cancellationToken).ConfigureAwait(false),
            FollowUp = followUp,
            FollowUpAsOf = asOf,
            Warnings = await earlyWarning.FlagsAsync(week, covered, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// One municipality's follow-up from its last <see cref="FollowUpWeeks"/> partitions (only the columns it needs):
    /// per commitment of the promise in effect (and any other a tip was counted under), how many tips are unread and
    /// how many are older than <see cref="StaleDays"/> days and not closed; and the places named in 3 or more tips
    /// within the 4 weeks up to <paramref name="asOf"/>.
    /// </summary>
    private async Task<FollowUpDigest> FollowUpAsync(Municipality municipality, WeekId week, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var recent = new List<FollowUpTip>();
        var partitionWeek = week;
        for (var i = 0; i < FollowUpWeeks; i++)
        {
            recent.AddRange(await tips.ReadFollowUpAsync(new TipPartition(municipality.Id, partitionWeek), cancellationToken).ConfigureAwait(false));
            if (partitionWeek == WeekId.MinValue)
            {
                break;
            }

            partitionWeek = partitionWeek.Previous();
        }

        recent.RemoveAll(t => t.ReceivedAt >= asOf);
        var staleBefore = asOf.AddDays(-StaleDays);
        bool Unread(FollowUpTip t) => t.Stage is TipStage.Classified or TipStage.Received;
        bool Stale(FollowUpTip t) => t.ReceivedAt < staleBefore && t.Stage != TipStage.Closed;

        var linking = promises.InEffect(municipality.Id, week.Year)?.Commitments.Where(c => c.LinksTips).Select(c => c.Key) ?? [];
        var keys = linking.Concat(recent.SelectMany(t => t.Commitments)).Distinct(StringComparer.Ordinal);
        var commitments = keys
            .Select(key => (Key: key, Found: promises.Find(key)))
            .Where(c => c.Found is not null)
            .Select(c => new CommitmentFollowUp(
                c.Key,
                c.Found!.Value.Commitment.Text,
                recent.Count(t => Unread(t) && t.Commitments.Contains(c.Key)),
                recent.Count(t => Stale(t) && t.Commitments.Contains(c.Key))))
            .ToList();
        var places = RepeatedPlaces.Find(recent.Select(t => new PlacedTip(t.Place, t.ReceivedAt, t.Themes)), asOf);
        // "Nytt svar" is the state now, whenever the digest is made (an answer read since is no longer new).
        return new FollowUpDigest(municipality, recent.Count(Unread), recent.Count(Stale), commitments, places)
        {
            NewAnswers = [.. recent.Where(t => t.NewAnswer).OrderByDescending(t => t.ReceivedAt).Select(t => t.Reference)],
        };
    }

    /// <summary>The four weeks before <paramref name="week"/>, newest first.</summary>
    private static IEnumerable<WeekId> Earlier(WeekId week)
    {
        var previous = week;
        for (var i = 0; i < AverageWeeks && previous > WeekId.MinValue; i++)
        {
            previous = previous.Previous();
            yield return previous;
        }
    }

    private static ThemeCount Count(string theme, PartitionCounts current, IReadOnlyList<PartitionCounts> earlier, Func<PartitionCounts, int> of) =>
        new(theme, of(current), earlier.Count > 0 ? of(earlier[0]) : 0, earlier.Count > 0 ? earlier.Average(of) : 0);

    private static bool IsTip(StoredTip tip) => string.Equals(tip.Kind, "tip", StringComparison.Ordinal);

    /// <summary>A list may name municipalities by id or by name ("vara", "Grästorp"), as the validator accepts.</summary>
    private IReadOnlyList<Municipality> Covered(DigestRecipientList recipients) =>
        recipients.Municipalities.Count == 0
            ? municipalities.All
            : [.. municipalities.All.Where(m => recipients.Municipalities.Any(named => municipalities.TryFind(named, out var found) && found == m))];
}
