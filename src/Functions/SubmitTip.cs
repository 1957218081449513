using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>A resident sends a tip (JSON or a plain form post) and gets a reference back.</summary>
public sealed class SubmitTip(TipIntakeService intake)
{
    [Function(nameof(SubmitTip))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/tips")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await intake.SubmitAsync(new TipRequest(request.ContentType, request.ContentLength, request.Body), cancellationToken);
        return IntakeResults.From(outcome);
    }
}
