using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The tip form, in Swedish at the root (an empty Route is not allowed; an optional empty segment is) and in English at /en.</summary>
public sealed class ShowTipForm(ResidentPages pages)
{
    [Function(nameof(ShowTipForm))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{ignored:maxlength(0)?}")] HttpRequest request) => ShowAsync(request, Language.Swedish);

    [Function("ShowTipFormInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en")] HttpRequest request) => ShowAsync(request, Language.English);

    private async Task<IActionResult> ShowAsync(HttpRequest request, Language language)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.FormAsync(language));
    }
}
