using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Functions.Http;
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
public sealed class ReplyToTip(StaffGuard guard, TipProgressService progress, TipListService tips, StaffPages pages)
{
    [Function(nameof(ReplyToTip))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "personal/tips/{reference}/svar")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var (principal, refusal) = await StaffResults.EnterAsync(guard, pages, StaffArea.TipProgress, request);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var reply = form["svar"].ToString();
        var language = Languages.FromCode(form[StaffFollowUpText.LanguageField]);
        var outcome = await progress.ReplyAsync(principal!, reference, reply, cancellationToken);
        if (outcome is null && BrowserResults.WantsHtml(request) && TipReference.TryParse(reference, out var parsed))
        {
            var field = StaffFollowUpText.ReplyField(parsed.Value);
            var message = StaffFollowUpText.Get("ReplyTooLong", language, TipStore.MaxReplyLength, reply.Trim().Length);
            return await TipListResults.ShowAgainAsync(
                tips, pages, principal!, language, form[StaffFollowUpText.ReturnField], StatusCodes.Status400BadRequest,
                new Dictionary<string, string[]> { [field] = [message] },
                new Dictionary<string, string?> { [field] = reply },
                cancellationToken);
        }

        return outcome switch
        {
            null => IntakeResults.Problem(StatusCodes.Status400BadRequest, $"Svaret får vara högst {TipStore.MaxReplyLength} tecken."),
            ProgressOutcome.NotFound => IntakeResults.Problem(StatusCodes.Status404NotFound, "Inget tips med den koden."),
            _ => StaffResults.SeeOther(StaffFollowUpText.AfterPost(form[StaffFollowUpText.ReturnField], StaffFollowUpText.ReplyOutcome(outcome.Value, reply), reference, language)),
        };
    }
}
