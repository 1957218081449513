using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Core.Staff.TipDetail;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Staff.Http;
using Grastorp.Intake.Web.Staff;
using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// The kommunpolis moves a tip on (form field <c>till</c>: read, forwarded or closed), then back to the list it was
/// on, or to the tip's own page when the form came from there (303). A move against the order of stages is 409: a
/// browser gets the tip's page again with the error at its stage form.
/// </summary>
public sealed class MoveTip(StaffEntry entry, TipProgressService progress, TipPageService tips, StaffPages pages)
{
    [Function(nameof(MoveTip))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "personal/tips/{reference}/status")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken) =>
        entry.EnterAsync(StaffArea.TipProgress, request, async principal =>
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var (to, language) = (form["till"].ToString(), StaffFollowUpText.LanguageOf(form));
            var outcome = await progress.MoveAsync(principal, reference, to, cancellationToken);
            if (outcome == ProgressOutcome.InvalidMove && await TipPageResults.ShowAgainAsync(
                request, tips, pages, principal, reference, language, StatusCodes.Status409Conflict, tip => (StaffFollowUpText.StageField(tip), StaffFollowUpText.MoveInvalid(tip, to, language)), keptAnswer: null, cancellationToken) is { } page)
            {
                return page;
            }

            return outcome switch
            {
                ProgressOutcome.NotFound => IntakeResults.Problem(StatusCodes.Status404NotFound, StaffFollowUpText.Get("ProblemTipNotFound")),
                ProgressOutcome.InvalidMove => IntakeResults.Problem(StatusCodes.Status409Conflict, StaffFollowUpText.Get("ProblemMoveInvalid")),
                _ when StaffFollowUpText.IsFromTipPage(form) => StaffResults.SeeOther(StaffFollowUpText.AfterPostToTip(
                    StaffFollowUpText.OutcomeField, StaffFollowUpText.MoveOutcome(outcome, to), StaffFollowUpText.ReferenceField, reference, language)),
                _ => StaffResults.SeeOther(StaffFollowUpText.AfterPost(form[StaffFollowUpText.ReturnField], StaffFollowUpText.MoveOutcome(outcome, to), reference, language)),
            };
        });
}
