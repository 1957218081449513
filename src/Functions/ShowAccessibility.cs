using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The accessibility statement (tillgänglighetsredogörelse) the DOS law requires.</summary>
public sealed class ShowAccessibility(ResidentPages pages)
{
    [Function(nameof(ShowAccessibility))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tillganglighet")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.AccessibilityAsync(Language.Swedish));
    }
}
