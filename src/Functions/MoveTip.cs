using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Staff;
using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// The kommunpolis moves a tip on (form field <c>till</c>: read, forwarded or closed), then back to the list it was
/// on (303). A move against the order of stages is 409: a browser gets the list again with the error at that tip.
/// </summary>
public sealed class MoveTip(StaffGuard guard, TipProgressService progress, TipListService tips, StaffPages pages)
{
    [Function(nameof(MoveTip))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "personal/tips/{reference}/status")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var (principal, refusal) = await StaffResults.EnterAsync(guard, pages, StaffArea.TipProgress, request);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var to = form["till"].ToString();
        var language = Languages.FromCode(form[StaffFollowUpText.LanguageField]);
        var outcome = await progress.MoveAsync(principal!, reference, to, cancellationToken);
        switch (outcome)
        {
            case ProgressOutcome.NotFound:
                return IntakeResults.Problem(StatusCodes.Status404NotFound, "Inget tips med den koden.");
            case ProgressOutcome.InvalidMove when BrowserResults.WantsHtml(request) && Core.Tips.TipReference.TryParse(reference, out var parsed):
                var message = StaffFollowUpText.Get("MoveInvalid", language, parsed.Value, StaffFollowUpText.StageName(to, language));
                return await TipListResults.ShowAgainAsync(
                    tips, pages, principal!, language, form[StaffFollowUpText.ReturnField], StatusCodes.Status409Conflict,
                    new Dictionary<string, string[]> { [StaffFollowUpText.StageField(parsed.Value)] = [message] },
                    new Dictionary<string, string?>(), cancellationToken);
            case ProgressOutcome.InvalidMove:
                return IntakeResults.Problem(StatusCodes.Status409Conflict, "Tipset kan inte flyttas dit: det går bara framåt, mottaget → sorterat → läst → vidareskickat → klart.");
            default:
                return StaffResults.SeeOther(StaffFollowUpText.AfterPost(form[StaffFollowUpText.ReturnField], StaffFollowUpText.MoveOutcome(outcome, to), reference, language));
        }
    }
}
