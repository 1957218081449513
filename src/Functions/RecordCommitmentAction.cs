using Grastorp.Intake.Core.Promises.Actions;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.FollowUp;
using Grastorp.Intake.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>Staff record what was done for a commitment (form: <c>commitment</c>, <c>date</c>, <c>summary</c>, optional <c>countLabel</c>/<c>countValue</c>).</summary>
public sealed class RecordCommitmentAction(StaffGuard guard, ActionRecordingService recording, StaffPages pages)
{
    [Function(nameof(RecordCommitmentAction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "personal/atgarder")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = StaffResults.Check(guard, StaffArea.FollowUpActions, request);
        if (!access.Allowed)
        {
            return await StaffResults.RefuseAsync(access, request, guard, pages);
        }

        if (StaffResults.IsCrossSite(request) || !request.HasFormContentType)
        {
            return StaffResults.CrossSiteRefused();
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var (action, errors) = await recording.RecordAsync(
            access.Principal!,
            new ActionInput(form["commitment"], form["date"], form["summary"], form["countLabel"], form["countValue"]),
            cancellationToken);
        return action is null
            ? IntakeResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), "Åtgärden behöver rättas.")
            : StaffResults.SeeOther(FollowUpPaths.Page(Core.Texts.Language.Swedish));
    }
}
