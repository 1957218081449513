using Grastorp.Intake.Core.Counting;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.FollowUp;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The kommunpolis gives a tip a short public reply (form field <c>svar</c>), shown only on that tip's status page.</summary>
public sealed class ReplyToTip(StaffGuard guard, TipProgressService progress, StaffPages pages)
{
    [Function(nameof(ReplyToTip))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "personal/tips/{reference}/svar")] HttpRequest request,
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
        return await progress.ReplyAsync(access.Principal!, reference, form["svar"], cancellationToken) switch
        {
            null => IntakeResults.Problem(StatusCodes.Status400BadRequest, $"Svaret får vara högst {TipStore.MaxReplyLength} tecken."),
            ProgressOutcome.NotFound => IntakeResults.Problem(StatusCodes.Status404NotFound, "Inget tips med den koden."),
            _ => StaffResults.SeeOther("/personal/tips"),
        };
    }
}
