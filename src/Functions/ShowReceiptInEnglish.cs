using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The receipt after sending, in English; 404 for a code never issued.</summary>
public sealed class ShowReceiptInEnglish(ResidentPages pages)
{
    [Function(nameof(ShowReceiptInEnglish))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/receipt/{reference}")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.ReceiptAsync(Language.English, reference, request.Client(), flag => request.Query[flag], cancellationToken));
    }
}
