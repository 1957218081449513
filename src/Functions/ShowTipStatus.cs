using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>A tip's status, at /status and /en/status, by path or from the lookup form's query; 404 for unknown and malformed codes alike.</summary>
public sealed class ShowTipStatus(ResidentPages pages)
{
    [Function(nameof(ShowTipStatus))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status/{reference?}")] HttpRequest request,
        string? reference,
        CancellationToken cancellationToken) => ShowAsync(request, Language.Swedish, reference, cancellationToken);

    [Function("ShowTipStatusInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/status/{reference?}")] HttpRequest request,
        string? reference,
        CancellationToken cancellationToken) => ShowAsync(request, Language.English, reference, cancellationToken);

    private async Task<IActionResult> ShowAsync(HttpRequest request, Language language, string? reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.StatusAsync(language, reference ?? request.Query["reference"], request.Client(), cancellationToken));
    }
}
