using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Staff.Http;
using Grastorp.Intake.Web.Staff;
using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// The kommunpolis reads a week's tips, newest first, each view recorded in the audit log; in Swedish at
/// /personal/tips, in English at /en/personal/tips.
/// </summary>
public sealed class ShowTipList(StaffEntry entry, TipListService tips, StaffPages pages)
{
    [Function(nameof(ShowTipList))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "personal/tips")] HttpRequest request,
        CancellationToken cancellationToken) => ShowAsync(request, cancellationToken);

    [Function("ShowTipListInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/personal/tips")] HttpRequest request,
        CancellationToken cancellationToken) => ShowAsync(request, cancellationToken);

    private Task<IActionResult> ShowAsync(HttpRequest request, CancellationToken cancellationToken) =>
        entry.EnterAsync(StaffArea.TipList, request, async principal =>
        {
            var address = StaffResults.Address(request);
            var form = StaffResults.Query(request, StaffFollowUpText.ListFields);
            var (query, errors) = tips.Parse(TipListRequest.Of(form), address.Language);
            var view = query is null ? null : await tips.ShowAsync(principal, query, cancellationToken);
            return PageResults.Html(await pages.TipsAsync(address, principal, view, errors, form, StaffFollowUpText.MessageAfterPost(form, address.Language)));
        });
}
