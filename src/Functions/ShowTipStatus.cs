using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>A tip's status in Swedish, by path or from the lookup form's query; 404 for unknown and malformed codes alike.</summary>
public sealed class ShowTipStatus(ResidentPages pages)
{
    [Function(nameof(ShowTipStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status/{reference?}")] HttpRequest request,
        string? reference,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.StatusAsync(Language.Swedish, reference ?? request.Query["reference"], request.Client(), cancellationToken));
    }
}
