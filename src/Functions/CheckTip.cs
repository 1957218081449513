using Grastorp.Intake.Core.Tips.Intake;
using Grastorp.Intake.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// The form's script asks, while the resident writes, whether to show the nudge about personal data and the 112 cue:
/// kinds and a flag back, nothing stored, nothing logged, same origin only. Not a submission, so it is not counted
/// against the submission limit, but against a generous limit of its own.
/// </summary>
public sealed class CheckTip(TipCheckService checks)
{
    [Function(nameof(CheckTip))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/tips/check")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (check, refusal) = await checks.CheckAsync(
            new TipRequest(request.ContentType, request.ContentLength, request.Body, request.Headers.AcceptLanguage)
            {
                Source = request.Source(),
                Client = request.Client(),
            },
            cancellationToken);
        return IntakeResults.From(check, refusal);
    }
}
