using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Web.Pages;
using Grastorp.Intake.Web.Site;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Grastorp.Intake.Web.Http;

/// <summary>
/// The answers a browser's plain form post gets (no script): 303 to the receipt, or the form again with every answer
/// kept and the errors shown. JSON clients (and the page's own script, which asks for JSON) get <see cref="IntakeResults"/>.
/// </summary>
public static class BrowserResults
{
    /// <summary>A browser navigating asks for text/html; fetch, curl and API clients do not.</summary>
    public static bool WantsHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Accept.Any(value => value is not null && value.Contains("text/html", StringComparison.OrdinalIgnoreCase));
    }

    public static async Task<IActionResult> FromAsync(SubmitOutcome outcome, ResidentPages pages)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(pages);
        return outcome switch
        {
            SubmitOutcome.CrossSite => new RetryLaterResult(StatusCodes.Status403Forbidden, TimeSpan.Zero, ServiceMessages.CrossSite, outcome.Language, html: true),
            SubmitOutcome.Unavailable unavailable => PageResults.Html(await pages.UnavailableAsync(unavailable).ConfigureAwait(false)),
            SubmitOutcome.TooMany tooMany => PageResults.Html(await pages.TooManyTipsAsync(tooMany).ConfigureAwait(false)),
            SubmitOutcome.Accepted accepted => PageResults.SeeOther(SitePaths.Receipt(accepted.Language, accepted.Reference.Value, accepted.Check.Nudge, accepted.Emergency)),
            SubmitOutcome.Invalid invalid => PageResults.Html(await pages.FormAsync(invalid.Language, invalid).ConfigureAwait(false)),
            // Only a very long text in many non-ASCII letters gets here from the form; it is said at the text field.
            _ => PageResults.Html(await pages.FormAsync(outcome.Language, new SubmitOutcome.Invalid(new Dictionary<string, string[]>
            {
                [TipFields.Text] = [TipMessages.Get(outcome is SubmitOutcome.TooLarge ? TipMessages.TooLarge : TipMessages.UnsupportedMediaType, outcome.Language)],
            }) { Language = outcome.Language }).ConfigureAwait(false)),
        };
    }
}
