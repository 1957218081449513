using Grastorp.Intake.Web.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The public follow-up as an Atom feed, for the municipality's website, Facebook page and local media.</summary>
public sealed class GetFollowUpFeed(FollowUpPages pages)
{
    [Function(nameof(GetFollowUpFeed))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "uppfoljning.atom")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ContentResult { Content = await pages.FeedAsync(cancellationToken), ContentType = FollowUpFeed.ContentType, StatusCode = 200 };
    }
}
