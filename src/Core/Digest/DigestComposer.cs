using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Digest;

/// <summary>Builds a week's digest for one recipient list from the counters and the stored tips.</summary>
public sealed class DigestComposer(TipStore tips, DigestLedger ledger, MunicipalityCatalog municipalities, ThemeCatalog catalog)
{
    public async Task<WeeklyDigest> ComposeAsync(WeekId week, DigestRecipientList recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        // A list may name municipalities by id or by name ("vara", "Grästorp"), as the validator accepts.
        var covered = recipients.Municipalities.Count == 0
            ? municipalities.All
            : [.. municipalities.All.Where(m => recipients.Municipalities.Any(named => municipalities.TryFind(named, out var found) && found == m))];

        var reads = new List<(Municipality Municipality, PartitionCounts Current, PartitionCounts Previous)>();
        var weekTips = new List<StoredTip>();
        var lateTips = new List<StoredTip>();
        var previousSentAt = await ledger.SentAtAsync(week.Previous(), recipients.Id, cancellationToken).ConfigureAwait(false);
        foreach (var municipality in covered)
        {
            var partition = new TipPartition(municipality.Id, week);
            var previous = partition with { Week = week.Previous() };
            reads.Add((
                municipality,
                await tips.ReadCountsAsync(partition, cancellationToken).ConfigureAwait(false),
                await tips.ReadCountsAsync(previous, cancellationToken).ConfigureAwait(false)));
            weekTips.AddRange(await tips.ReadTipsAsync(partition, cancellationToken).ConfigureAwait(false));
            if (previousSentAt is { } sentAt)
            {
                lateTips.AddRange((await tips.ReadTipsAsync(previous, cancellationToken).ConfigureAwait(false)).Where(t => t.ClassifiedAt > sentAt));
            }
        }

        var themes = catalog.ReportOrder(reads.SelectMany(r => new[] { r.Current, r.Previous }).SelectMany(c => c.Themes.Keys));
        var perMunicipality = reads
            .Select(r => new MunicipalityDigest(
                r.Municipality,
                new ThemeCount(ThemeCount.AllTips, r.Current.Tips, r.Previous.Tips),
                [.. themes.Select(t => new ThemeCount(t, r.Current.Of(t), r.Previous.Of(t)))]))
            .ToList();
        var byTheme = themes
            .Select(theme => new ThemeTips(theme, [.. weekTips.Where(t => t.Themes.Count > 0 && t.Themes[0] == theme).OrderBy(t => t.ReceivedAt)]))
            .Where(group => group.Tips.Count > 0)
            .ToList();
        return new WeeklyDigest(week, recipients, themes, perMunicipality, byTheme) { LateTips = [.. lateTips.OrderBy(t => t.ReceivedAt)] };
    }
}
