using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The kommunpolis moves a tip on (form field <c>till</c>: read, forwarded or closed); 409 against the order of stages.</summary>
public sealed class MoveTip(StaffGuard guard, TipProgressService progress, StaffPages pages)
{
    [Function(nameof(MoveTip))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "personal/tips/{reference}/status")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = StaffResults.Check(guard, StaffArea.TipProgress, request);
        if (!access.Allowed)
        {
            return await StaffResults.RefuseAsync(access, request, guard, pages);
        }

        if (StaffResults.IsCrossSite(request) || !request.HasFormContentType)
        {
            return StaffResults.CrossSiteRefused();
        }

        var form = await request.ReadFormAsync(cancellationToken);
        return await progress.MoveAsync(access.Principal!, reference, form["till"], cancellationToken) switch
        {
            ProgressOutcome.NotFound => IntakeResults.Problem(StatusCodes.Status404NotFound, "Inget tips med den koden."),
            ProgressOutcome.InvalidMove => IntakeResults.Problem(StatusCodes.Status409Conflict, "Tipset kan inte flyttas dit: det går bara framåt, mottaget → sorterat → läst → vidareskickat → klart."),
            _ => StaffResults.SeeOther("/personal/tips"),
        };
    }
}
