using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Core.Digest;

/// <summary>Builds a week's digest for one recipient list from the counters and the stored tips.</summary>
public sealed class DigestComposer(CounterReader counters, TipReader tips, MunicipalityCatalog municipalities, ITipClassifier classifier)
{
    public async Task<WeeklyDigest> ComposeAsync(WeekId week, DigestRecipientList recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        // A list may name municipalities by id or by name ("vara", "Grästorp"), as the validator accepts.
        var covered = recipients.Municipalities.Count == 0
            ? municipalities.All
            : [.. municipalities.All.Where(m => recipients.Municipalities.Any(named => municipalities.TryFind(named, out var found) && found == m))];

        var perMunicipality = new List<MunicipalityDigest>();
        var weekTips = new List<StoredTip>();
        var themes = classifier.Themes.ToList();
        foreach (var municipality in covered)
        {
            var current = await counters.ReadAsync(new TipPartition(municipality.Id, week), cancellationToken).ConfigureAwait(false);
            var previous = await counters.ReadAsync(new TipPartition(municipality.Id, week.Previous()), cancellationToken).ConfigureAwait(false);
            themes.AddRange(current.Themes.Keys.Concat(previous.Themes.Keys).Except(themes));
            perMunicipality.Add(new MunicipalityDigest(
                municipality,
                new ThemeCount(ThemeCount.AllTips, current.Tips, previous.Tips),
                [.. themes.Select(t => new ThemeCount(t, current.Of(t), previous.Of(t)))]));
            weekTips.AddRange(await tips.ReadAsync(new TipPartition(municipality.Id, week), cancellationToken).ConfigureAwait(false));
        }

        // Each municipality's list was built before later ones added themes it had no counter for.
        perMunicipality = [.. perMunicipality.Select(m => m with { Themes = [.. themes.Select(t => m.Themes.FirstOrDefault(c => c.Theme == t) ?? new ThemeCount(t, 0, 0))] })];
        var byTheme = themes
            .Select(theme => new ThemeTips(theme, [.. weekTips.Where(t => t.Themes.Count > 0 && t.Themes[0] == theme).OrderBy(t => t.ReceivedAt)]))
            .Where(group => group.Tips.Count > 0)
            .ToList();
        return new WeeklyDigest(week, recipients, themes, perMunicipality, byTheme);
    }
}
