using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.TipDetail;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Staff;
using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Grastorp.Intake.Web.Staff.Http;

/// <summary>
/// A tip's follow-up form that cannot be applied (a reply too long, a move against the order) is answered, for a
/// browser, with the tip's own page again (GOV.UK: same page, answers kept, errors linked to their field), at the
/// status the API gives. Shown again, the page marks nothing read; its view is audited as any other (once a day).
/// Null for an API client, a malformed code or a tip no longer there: the function then answers as the API does.
/// </summary>
public static class TipPageResults
{
    /// <param name="error">The field and message for the parsed reference.</param>
    /// <param name="keptAnswer">What was written in the field, shown again; null keeps nothing.</param>
    public static async Task<IActionResult?> ShowAgainAsync(
        HttpRequest request,
        TipPageService tips,
        StaffPages pages,
        StaffPrincipal who,
        string reference,
        Language language,
        int statusCode,
        Func<string, (string Field, string Message)> error,
        string? keptAnswer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tips);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(error);
        if (!BrowserResults.WantsHtml(request) || !TipReference.TryParse(reference, out var tip))
        {
            return null;
        }

        var (field, message) = error(tip.Value);
        var view = await tips.ShowAsync(who, tip.Value, fetchSite: null, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return null;
        }

        var address = StaffPageAddress.Of(StaffPaths.In(language, StaffPaths.Tip(view.Tip.Reference)), null);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (keptAnswer is not null)
        {
            values[field] = keptAnswer;
        }

        var errors = new Dictionary<string, string[]> { [field] = [message] };
        return PageResults.Html(await pages.TipAsync(address, who, view, errors, values, message: null, statusCode).ConfigureAwait(false));
    }
}
