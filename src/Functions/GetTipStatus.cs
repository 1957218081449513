using Grastorp.Intake.Core.Api;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Tips.Status;
using Grastorp.Intake.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>A resident checks their own tip by reference: its status and week, nothing else; 429 after too many lookups.</summary>
public sealed class GetTipStatus(TipStatusService statuses)
{
    [Function(nameof(GetTipStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/tips/{reference}")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lookup = await statuses.LookUpAsync(reference, request.Client(), cancellationToken);
        var language = Languages.FromAcceptLanguage(request.Headers.AcceptLanguage);
        return lookup switch
        {
            { Refused: true } => new RetryLaterResult(StatusCodes.Status429TooManyRequests, lookup.RetryAfter, ServiceMessages.TooManyLookups, language, html: false),
            { Status: { } status } => new OkObjectResult(TipStatusView.From(status)),
            _ => IntakeResults.Problem(StatusCodes.Status404NotFound, TipMessages.Get(TipMessages.NoSuchTip, language)),
        };
    }
}
