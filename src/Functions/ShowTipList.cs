using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Functions.Http;
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
public sealed class ShowTipList(StaffGuard guard, TipListService tips, StaffPages pages)
{
    [Function(nameof(ShowTipList))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "personal/tips")] HttpRequest request,
        CancellationToken cancellationToken) => ShowAsync(request, cancellationToken);

    [Function("ShowTipListInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/personal/tips")] HttpRequest request,
        CancellationToken cancellationToken) => ShowAsync(request, cancellationToken);

    private async Task<IActionResult> ShowAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (principal, refusal) = await StaffResults.EnterAsync(guard, pages, StaffArea.TipList, request);
        if (refusal is not null)
        {
            return refusal;
        }

        var address = StaffResults.Address(request);
        var form = StaffResults.Query(request, TipListQuery.MunicipalityField, TipListQuery.WeekField, TipListQuery.KindField, TipListQuery.ThemeField, TipListQuery.AfterField, StaffText.ResultField, TipCorrectionService.ReferenceField, StaffFollowUpText.OutcomeField, StaffFollowUpText.ReferenceField);
        var (query, errors) = tips.Parse(new TipListRequest(form[TipListQuery.MunicipalityField], form[TipListQuery.WeekField], form[TipListQuery.KindField], form[TipListQuery.ThemeField], form[TipListQuery.AfterField]), address.Language);
        var view = query is null ? null : await tips.ShowAsync(principal!, query, cancellationToken);
        var message = StaffText.CorrectionMessage(form[StaffText.ResultField], form[TipCorrectionService.ReferenceField], address.Language)
            ?? StaffFollowUpText.OutcomeMessage(form[StaffFollowUpText.OutcomeField], form[StaffFollowUpText.ReferenceField], address.Language);
        return PageResults.Html(await pages.TipsAsync(address, principal!, view, errors, form, message));
    }
}
