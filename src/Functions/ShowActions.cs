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
/// Staff see the form for recording an action on a commitment, and the latest actions recorded; in Swedish at
/// /personal/atgarder, in English at /en/personal/atgarder. With <c>?andra={commitment}&amp;id={id}</c> the form opens on
/// that published action, to correct it.
/// </summary>
public sealed class ShowActions(StaffEntry entry, ActionRecordingService recording, FollowUpStaffPages followUp)
{
    [Function(nameof(ShowActions))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "personal/atgarder")] HttpRequest request,
        CancellationToken cancellationToken) => ShowAsync(request, cancellationToken);

    [Function("ShowActionsInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/personal/atgarder")] HttpRequest request,
        CancellationToken cancellationToken) => ShowAsync(request, cancellationToken);

    private Task<IActionResult> ShowAsync(HttpRequest request, CancellationToken cancellationToken) =>
        entry.EnterAsync(StaffArea.FollowUpActions, request, async principal =>
        {
            var recent = await recording.RecentAsync(RecordCommitmentAction.RecentCount, cancellationToken);
            var result = request.Query[RecordCommitmentAction.SavedField];
            var values = new Dictionary<string, string?>();
            if (request.Query.ContainsKey(ActionForm.EditField))
            {
                var action = await recording.FindAsync(request.Query[ActionForm.EditField], request.Query[ActionForm.IdField], cancellationToken);
                if (action is null)
                {
                    return StaffResults.NoStore(new NotFoundResult());
                }

                values = new(ActionForm.Of(action));
            }

            return PageResults.Html(await followUp.ActionsAsync(
                principal, recent, [], values, result == RecordCommitmentAction.SavedValue, StaffResults.Address(request), withdrawn: result == WithdrawCommitmentAction.WithdrawnValue));
        });
}
