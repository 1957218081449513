using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Functions.Staff;
using Grastorp.Intake.Web.Staff;
using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// The kommunpolis gives a tip a short public reply (form field <c>svar</c>), shown only on that tip's status page,
/// then back to the list it was on (303). Too long is 400: a browser gets the list again with the reply kept.
/// </summary>
public sealed class ReplyToTip(StaffEntry entry, TipProgressService progress, TipListService tips, StaffPages pages)
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
            if (outcome is null && BrowserResults.WantsHtml(request) && TipReference.TryParse(reference, out var tip))
            {
                var error = (StaffFollowUpText.ReplyField(tip.Value), StaffFollowUpText.ReplyTooLong(reply, language));
                return await TipListResults.ShowAgainAsync(tips, pages, principal, form, StatusCodes.Status400BadRequest, error, keptAnswer: reply, cancellationToken);
            }

            return outcome switch
            {
                null => IntakeResults.Problem(StatusCodes.Status400BadRequest, StaffFollowUpText.Get("ProblemReplyTooLong", Language.Swedish, TipStore.MaxReplyLength)),
                ProgressOutcome.NotFound => IntakeResults.Problem(StatusCodes.Status404NotFound, StaffFollowUpText.Get("ProblemTipNotFound")),
                { } done => StaffResults.SeeOther(StaffFollowUpText.AfterPost(form[StaffFollowUpText.ReturnField], StaffFollowUpText.ReplyOutcome(done, reply), reference, language)),
            };
        });
}
