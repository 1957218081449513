using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The tip form in English.</summary>
public sealed class ShowTipFormInEnglish(ResidentPages pages)
{
    [Function(nameof(ShowTipFormInEnglish))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.FormAsync(Language.English));
    }
}
