using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The tip form in Swedish, at the root (an empty Route is not allowed; an optional empty segment is).</summary>
public sealed class ShowTipForm(ResidentPages pages)
{
    [Function(nameof(ShowTipForm))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{ignored:maxlength(0)?}")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.FormAsync(Language.Swedish));
    }
}
