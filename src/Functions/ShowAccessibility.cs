using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The accessibility statement (tillgänglighetsredogörelse) the DOS law requires, at /tillganglighet and /en/accessibility.</summary>
public sealed class ShowAccessibility(ResidentPages pages)
{
    [Function(nameof(ShowAccessibility))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tillganglighet")] HttpRequest request) => ShowAsync(request, Language.Swedish);

    [Function("ShowAccessibilityInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/accessibility")] HttpRequest request) => ShowAsync(request, Language.English);

    private async Task<IActionResult> ShowAsync(HttpRequest request, Language language)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.AccessibilityAsync(language));
    }
}
