using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Web.Staff;
using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Grastorp.Intake.Functions.Http;

/// <summary>
/// A tip list form that cannot be applied (a reply too long, a move against the order) is answered, for a browser,
/// with the same list again (GOV.UK: same page, answers kept, errors linked to their field), at the status the API
/// gives. The list is shown as a GET of it would be, so its views are audited like any other.
/// </summary>
public static class TipListResults
{
    public static async Task<IActionResult> ShowAgainAsync(
        TipListService tips,
        StaffPages pages,
        StaffPrincipal who,
        Language language,
        string? returnQuery,
        int statusCode,
        IReadOnlyDictionary<string, string[]> errors,
        IReadOnlyDictionary<string, string?> kept,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tips);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(kept);
        var query = StaffFollowUpText.IsPlainQuery(returnQuery) ? QueryHelpers.ParseQuery(returnQuery) : [];
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in new[] { TipListQuery.MunicipalityField, TipListQuery.WeekField, TipListQuery.KindField, TipListQuery.ThemeField, TipListQuery.AfterField })
        {
            values[field] = query.TryGetValue(field, out var value) ? value.LastOrDefault() : null;
        }

        var request = new TipListRequest(values[TipListQuery.MunicipalityField], values[TipListQuery.WeekField], values[TipListQuery.KindField], values[TipListQuery.ThemeField], values[TipListQuery.AfterField]);
        // A return query that no longer parses (hand-made) falls back to this week's list rather than hiding the error.
        var parsed = tips.Parse(request, language).Query ?? tips.Parse(new TipListRequest(null, null, null, null, null), language).Query;
        var view = parsed is null ? null : await tips.ShowAsync(who, parsed, cancellationToken).ConfigureAwait(false);
        foreach (var (field, value) in kept)
        {
            values[field] = value;
        }

        // The list's own address (not the post's), so its language link leads to the same list in the other language.
        var address = StaffPageAddress.Of(StaffPaths.In(language, StaffPaths.Tips), StaffFollowUpText.IsPlainQuery(returnQuery) ? "?" + returnQuery : null);
        var page = await pages.TipsAsync(address, who, view, errors, values, message: null).ConfigureAwait(false);
        return PageResults.Html(page with { StatusCode = statusCode });
    }
}
