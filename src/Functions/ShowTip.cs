using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.TipDetail;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Staff.Http;
using Grastorp.Intake.Web.Pages;
using Grastorp.Intake.Web.Staff;
using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// The kommunpolis opens one tip, from the digest or the list: in Swedish at /personal/tips/{reference}, in English
/// at /en/personal/tips/{reference}. A code that leads to no tip gets the residents' own not-found page (404).
/// </summary>
public sealed class ShowTip(StaffEntry entry, TipPageService tips, StaffPages pages, ResidentPages residents)
{
    [Function(nameof(ShowTip))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "personal/tips/{reference}")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken) => ShowAsync(request, reference, cancellationToken);

    [Function("ShowTipInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/personal/tips/{reference}")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken) => ShowAsync(request, reference, cancellationToken);

    private Task<IActionResult> ShowAsync(HttpRequest request, string reference, CancellationToken cancellationToken) =>
        entry.EnterAsync(StaffArea.TipList, request, async principal =>
        {
            var address = StaffResults.Address(request);
            var view = await tips.ShowAsync(principal, reference, request.Headers["Sec-Fetch-Site"], cancellationToken);
            if (view is null)
            {
                // The residents' page, sent no-store like every staff answer.
                return PageResults.Html(await residents.NotFoundAsync(address.Language) with { ShowsResidentText = true });
            }

            var message = StaffFollowUpText.MessageAfterPost(StaffResults.Query(request, StaffFollowUpText.ListFields), address.Language);
            return PageResults.Html(await pages.TipAsync(address, principal, view, new Dictionary<string, string[]>(), new Dictionary<string, string?>(), message));
        });
}
