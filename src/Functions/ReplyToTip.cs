using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Core.Staff.TipDetail;
using Grastorp.Intake.Core.Texts;
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
/// The kommunpolis gives a tip a short public reply (form field <c>svar</c>), shown only on that tip's status page,
/// then back to the list it was on, or to the tip's own page when the form came from there (303). Too long is 400: a
/// browser gets the tip's page again with the reply kept.
/// </summary>
public sealed class ReplyToTip(StaffEntry entry, TipProgressService progress, TipPageService tips, StaffPages pages)
{
    [Function(nameof(ReplyToTip))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "personal/tips/{reference}/svar")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken) =>
        entry.EnterAsync(StaffArea.TipProgress, request, async principal =>
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var (reply, language) = (form["svar"].ToString(), StaffFollowUpText.LanguageOf(form));
            var outcome = await progress.ReplyAsync(principal, reference, reply, cancellationToken);
            if (outcome is null && await TipPageResults.ShowAgainAsync(
                request, tips, pages, principal, reference, language, StatusCodes.Status400BadRequest, tip => (StaffFollowUpText.ReplyField(tip), StaffFollowUpText.ReplyTooLong(reply, language)), keptAnswer: reply, cancellationToken) is { } page)
            {
                return page;
            }

            return outcome switch
            {
                null => IntakeResults.Problem(StatusCodes.Status400BadRequest, StaffFollowUpText.Get("ProblemReplyTooLong", Language.Swedish, TipProgressService.MaxReplyLength)),
                ProgressOutcome.NotFound => IntakeResults.Problem(StatusCodes.Status404NotFound, StaffFollowUpText.Get("ProblemTipNotFound")),
                { } done when StaffFollowUpText.IsFromTipPage(form) => StaffResults.SeeOther(StaffFollowUpText.AfterPostToTip(
                    StaffFollowUpText.OutcomeField, StaffFollowUpText.ReplyOutcome(done, reply), StaffFollowUpText.ReferenceField, reference, language)),
                { } done => StaffResults.SeeOther(StaffFollowUpText.AfterPost(form[StaffFollowUpText.ReturnField], StaffFollowUpText.ReplyOutcome(done, reply), reference, language)),
            };
        });
}
