using Grastorp.Intake.Web.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The public follow-up as JSON (<c>FollowUpView</c>): counts per commitment and month, actions; small counts hidden.</summary>
public sealed class GetFollowUp(FollowUpPages pages)
{
    [Function(nameof(GetFollowUp))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/followup")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ContentResult { Content = await pages.JsonAsync(cancellationToken), ContentType = "application/json; charset=utf-8", StatusCode = 200 };
    }
}
