using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Staff;
using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Grastorp.Intake.Functions.Staff;

/// <summary>
/// A tip list form that cannot be applied (a reply too long, a move against the order) is answered, for a browser,
/// with the same list again (GOV.UK: same page, answers kept, errors linked to their field), at the status the API
/// gives. The list is shown as a GET of it would be, so its views are audited like any other.
/// </summary>
public static class TipListResults
{
    /// <summary>The list the form came from (its language and query from the form), with one error at one field.</summary>
    /// <param name="keptAnswer">What was written in that field, shown again; null keeps nothing.</param>
    public static async Task<IActionResult> ShowAgainAsync(
        TipListService tips,
        StaffPages pages,
        StaffPrincipal who,
        IFormCollection form,
        int statusCode,
        (string Field, string Message) error,
        string? keptAnswer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tips);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(form);
        var language = StaffFollowUpText.LanguageOf(form);
        string? returnQuery = form[StaffFollowUpText.ReturnField];
        var query = StaffFollowUpText.IsPlainQuery(returnQuery) ? QueryHelpers.ParseQuery(returnQuery) : [];
        var values = TipListQuery.Fields.ToDictionary(f => f, f => query.TryGetValue(f, out var value) ? value.LastOrDefault() : null, StringComparer.Ordinal);

        // A return query that no longer parses (hand-made) falls back to this week's list rather than hiding the error.
        var parsed = tips.Parse(TipListRequest.Of(values), language).Query ?? tips.Parse(new TipListRequest(null, null, null, null, null), language).Query;
        var view = parsed is null ? null : await tips.ShowAsync(who, parsed, cancellationToken).ConfigureAwait(false);
        if (keptAnswer is not null)
        {
            values[error.Field] = keptAnswer;
        }

        // The list's own address (not the post's), so its language link leads to the same list in the other language.
        var address = StaffPageAddress.Of(StaffPaths.In(language, StaffPaths.Tips), StaffFollowUpText.IsPlainQuery(returnQuery) ? "?" + returnQuery : null);
        var errors = new Dictionary<string, string[]> { [error.Field] = [error.Message] };
        var page = await pages.TipsAsync(address, who, view, errors, values, message: null).ConfigureAwait(false);
        return PageResults.Html(page with { StatusCode = statusCode });
    }
}
