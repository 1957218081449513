using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The receipt after sending, at /kvitto/{code} and /en/receipt/{code}: the reference and where to follow it; 404 for a code never issued.</summary>
public sealed class ShowReceipt(ResidentPages pages)
{
    [Function(nameof(ShowReceipt))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "kvitto/{reference}")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken) => ShowAsync(request, Language.Swedish, reference, cancellationToken);

    [Function("ShowReceiptInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/receipt/{reference}")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken) => ShowAsync(request, Language.English, reference, cancellationToken);

    private async Task<IActionResult> ShowAsync(HttpRequest request, Language language, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.ReceiptAsync(language, reference, request.Client(), flag => request.Query[flag], cancellationToken));
    }
}
