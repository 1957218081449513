using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.FollowUp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The public follow-up of the citizen promise, at /uppfoljning and /en/follow-up.</summary>
public sealed class ShowFollowUp(FollowUpPages pages)
{
    [Function(nameof(ShowFollowUp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "uppfoljning")] HttpRequest request,
        CancellationToken cancellationToken) => ShowAsync(request, Language.Swedish, cancellationToken);

    [Function("ShowFollowUpInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/follow-up")] HttpRequest request,
        CancellationToken cancellationToken) => ShowAsync(request, Language.English, cancellationToken);

    private async Task<IActionResult> ShowAsync(HttpRequest request, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.PageAsync(language, cancellationToken));
    }
}
