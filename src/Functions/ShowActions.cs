using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Functions.Staff;
using Grastorp.Intake.Web.Staff.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// Staff see the form for recording an action on a commitment, and the latest actions recorded; in Swedish at
/// /personal/atgarder, in English at /en/personal/atgarder.
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
            var saved = request.Query[RecordCommitmentAction.SavedField] == RecordCommitmentAction.SavedValue;
            return PageResults.Html(await followUp.ActionsAsync(principal, recent, [], new Dictionary<string, string?>(), saved, StaffResults.Address(request)));
        });
}
