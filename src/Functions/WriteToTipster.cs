using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Conversation;
using Grastorp.Intake.Core.Staff.TipDetail;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Store.Conversation;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Staff.Http;
using Grastorp.Intake.Web.Staff;
using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// The kommunpolis writes to the resident in the tip's conversation (form fields <c>meddelande</c> and <c>token</c>),
/// then back to the tip's page with what happened (303), including whether the tipster was e-mailed about it. Empty,
/// too long or without the form's token is 400: a browser gets the tip's page again with the text kept and the error
/// at the field. The same form sent twice adds one message.
/// </summary>
public sealed class WriteToTipster(StaffEntry entry, StaffConversationService conversation, TipPageService tips, StaffPages pages)
{
    [Function(nameof(WriteToTipster))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "personal/tips/{reference}/meddelanden")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken) =>
        entry.EnterAsync(StaffArea.TipProgress, request, async principal =>
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var (text, language) = (form["meddelande"].ToString(), StaffFollowUpText.LanguageOf(form));
            var outcome = await conversation.WriteAsync(principal, reference, text, form["token"].ToString(), cancellationToken);
            if (outcome is null && await TipPageResults.ShowAgainAsync(
                request, tips, pages, principal, reference, language, StatusCodes.Status400BadRequest, tip => (StaffFollowUpText.MessageField(tip), StaffFollowUpText.MessageInvalid(text, language)), keptAnswer: text, cancellationToken) is { } page)
            {
                return page;
            }

            return outcome switch
            {
                null => IntakeResults.Problem(StatusCodes.Status400BadRequest, StaffFollowUpText.MessageInvalid(text, language)),
                { Outcome: MessageOutcome.NotFound } => IntakeResults.Problem(StatusCodes.Status404NotFound, StaffFollowUpText.Get("ProblemTipNotFound")),
                { } done => StaffResults.SeeOther(StaffFollowUpText.AfterPostToTip(
                    StaffFollowUpText.OutcomeField, StaffFollowUpText.MessageOutcome(done), StaffFollowUpText.ReferenceField, reference, language)),
            };
        });
}
