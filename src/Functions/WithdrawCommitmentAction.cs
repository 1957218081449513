using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Staff.Http;
using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// Staff take a published action off the follow-up (form: <c>commitment</c>, <c>id</c>): 303 back to the actions
/// page; 404 when there is no such action (already withdrawn, or never).
/// </summary>
public sealed class WithdrawCommitmentAction(StaffEntry entry, ActionRecordingService recording)
{
    public const string WithdrawnValue = "tillbakadragen";

    [Function(nameof(WithdrawCommitmentAction))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "personal/atgarder/dra-tillbaka")] HttpRequest request,
        CancellationToken cancellationToken) => WithdrawAsync(request, cancellationToken);

    [Function("WithdrawCommitmentActionInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "en/personal/atgarder/dra-tillbaka")] HttpRequest request,
        CancellationToken cancellationToken) => WithdrawAsync(request, cancellationToken);

    private Task<IActionResult> WithdrawAsync(HttpRequest request, CancellationToken cancellationToken) =>
        entry.EnterAsync(StaffArea.FollowUpActions, request, async principal =>
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (!await recording.WithdrawAsync(principal, form["commitment"], form[ActionForm.IdField], cancellationToken))
            {
                return StaffResults.NoStore(new NotFoundResult());
            }

            var language = StaffResults.Address(request).Language;
            return StaffResults.SeeOther($"{StaffPaths.In(language, StaffPaths.Actions)}?{RecordCommitmentAction.SavedField}={WithdrawnValue}");
        });
}
