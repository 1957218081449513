using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Core.Stats;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Staff.TipList;

/// <summary>
/// The kommunpolis's list of a week's tips, newest first, one page at a time. Every tip whose text is shown is
/// written to the audit log (who, when, which reference) before the page is returned: no view without a record.
/// Opening the list is reading the tips: those shown that were still <c>classified</c> move to <c>read</c> (audited
/// once, by <see cref="TipProgressService"/>); a tip already read is not touched or audited again.
/// </summary>
public sealed class TipListService(TipStore tips, AuditLog audit, TipProgressService progress, MunicipalityCatalog municipalities, ThemeCatalog themes, TimeProvider time)
{
    public (TipListQuery? Query, IReadOnlyDictionary<string, string[]> Errors) Parse(TipListRequest request, Language language = Language.Swedish)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var municipality = municipalities.Default;
        if (!string.IsNullOrWhiteSpace(request.Municipality) && !municipalities.TryFind(request.Municipality, out municipality))
        {
            errors.Add(TipListQuery.MunicipalityField, StaffMessages.Get(StaffMessages.MunicipalityUnknown, language));
        }

        var week = SwedishTime.WeekOf(time.GetUtcNow());
        if (!string.IsNullOrWhiteSpace(request.Week) && !WeekId.TryParse(request.Week, null, out week))
        {
            errors.Add(TipListQuery.WeekField, StaffMessages.Get(StaffMessages.WeekFormat, language));
        }

        var kindErrors = new FieldErrors();
        var kind = request.Kind?.Trim() == "alla" ? null : StatsQueryParser.KindOf(request.Kind, kindErrors);
        if (kindErrors.Count > 0)
        {
            errors.Add(TipListQuery.KindField, StaffMessages.Get(StaffMessages.KindUnknown, language));
        }

        var theme = request.Theme?.Trim();
        if (string.IsNullOrEmpty(theme) || theme == "alla")
        {
            theme = null;
        }
        else if (!themes.Contains(theme))
        {
            errors.Add(TipListQuery.ThemeField, StaffMessages.Get(StaffMessages.ThemeUnknown, language));
        }

        return errors.Count > 0
            ? (null, errors.ToDictionary())
            : (new TipListQuery(municipality!, week, kind, theme, request.After), new Dictionary<string, string[]>());
    }

    public async Task<TipListView> ShowAsync(StaffPrincipal viewer, TipListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(query);
        var page = await tips.ListAsync(query.Partition, query.Filter, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(viewer, AuditAction.Viewed, page.Tips.Select(t => (t.Reference, query.Partition.Key, string.Empty)), cancellationToken).ConfigureAwait(false);

        // The page's own rows say which tips are new to staff, so a repeat view moves and audits nothing. Only the one
        // who handles tips reads them in that sense: the auditor's look changes nothing.
        var unread = viewer.May(StaffArea.TipProgress) ? page.Tips.Where(t => t.Stage == TipStage.Classified).Select(t => t.Reference).ToList() : [];
        if (unread.Count > 0)
        {
            var marked = await progress.MarkReadAsync(viewer, query.Partition, unread, cancellationToken).ConfigureAwait(false);
            page = page with { Tips = [.. page.Tips.Select(t => marked.Contains(t.Reference) ? t with { Stage = TipStage.Read } : t)] };
        }

        return new TipListView(viewer, query, page);
    }
}
