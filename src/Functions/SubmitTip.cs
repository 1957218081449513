using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Core.Tips.Status;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// A resident sends a tip, as JSON or from the form, and gets a reference back: JSON for API clients and the page's
/// script, a redirect to the receipt (or the form again with its errors) for a browser without script.
/// </summary>
public sealed class SubmitTip(TipIntakeService intake, ResidentPages pages)
{
    [Function(nameof(SubmitTip))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/tips")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await intake.SubmitAsync(
            new TipRequest(request.ContentType, request.ContentLength, request.Body, request.Headers.AcceptLanguage)
            {
                Source = request.Source(),
                Client = request.Client(),
            },
            cancellationToken);
        return BrowserResults.WantsHtml(request) ? await BrowserResults.FromAsync(outcome, pages) : IntakeResults.From(outcome);
    }
}
