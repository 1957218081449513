using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>A tip's status in English.</summary>
public sealed class ShowTipStatusInEnglish(ResidentPages pages)
{
    [Function(nameof(ShowTipStatusInEnglish))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/status/{reference?}")] HttpRequest request,
        string? reference,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.StatusAsync(Language.English, reference ?? request.Query["reference"], request.Client(), cancellationToken));
    }
}
