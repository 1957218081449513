using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Digest.Ledger;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Poisoning;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Digest.Composition;

/// <summary>Builds a week's digest for one recipient list from the counters, the stored tips and the poison register.</summary>
public sealed class DigestComposer(
    TipStore tips, DigestLedger ledger, PoisonLedger poisoned, MunicipalityCatalog municipalities, ThemeCatalog catalog)
{
    /// <summary>The weeks before the digest week whose average is shown beside each count.</summary>
    public const int AverageWeeks = 4;

    public async Task<WeeklyDigest> ComposeAsync(WeekId week, DigestRecipientList recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var covered = Covered(recipients);
        var earlier = Earlier(week).ToList();
        var reads = new List<(Municipality Municipality, PartitionCounts Current, IReadOnlyList<PartitionCounts> Earlier)>();
        var weekTips = new List<StoredTip>();
        var lateTips = new List<StoredTip>();
        var cutOff = await ledger.CutOffAsync(week.Previous(), recipients.Id, cancellationToken).ConfigureAwait(false);
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
