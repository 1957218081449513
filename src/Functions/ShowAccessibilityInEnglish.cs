using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The accessibility statement in English.</summary>
public sealed class ShowAccessibilityInEnglish(ResidentPages pages)
{
    [Function(nameof(ShowAccessibilityInEnglish))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/accessibility")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.AccessibilityAsync(Language.English));
    }
}
