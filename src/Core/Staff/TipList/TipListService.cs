using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Stats;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Store.Listing;

namespace Grastorp.Intake.Core.Staff.TipList;

/// <summary>
/// The kommunpolis's list of a week's tips, newest first, one page at a time: a table of first lines, each a link to
/// the tip's own page (<see cref="TipDetail.TipPageService"/>), where a tip is read. Opening the list changes nothing (a
/// GET, which a link from anywhere can make a browser send, must not move a tip to read) and writes one audit row per
/// page shown, saying how many tips it listed, before the page is returned.
/// </summary>
public sealed class TipListService(TipLister tips, AuditLog audit, MunicipalityCatalog municipalities, ThemeCatalog themes, TimeProvider time)
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

        // One kind, or several joined by commas (the digest's "Idéer och synpunkter" links to idea,feedback).
        var kindErrors = new FieldErrors();
        var kinds = request.Kind?.Trim() == "alla" ? [] : (request.Kind ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(k => StatsQueryParser.KindOf(k, kindErrors)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var kind = kinds.Count == 0 ? null : string.Join(',', Enum.GetNames<TipKind>().Select(n => n.ToLowerInvariant()).Where(kinds.Contains));
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
        var listed = page.Tips.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await audit.RecordAsync(viewer, AuditAction.ListViewed, [(string.Empty, query.Partition.Key, listed)], cancellationToken).ConfigureAwait(false);
        return new TipListView(viewer, query, page);
    }
}
