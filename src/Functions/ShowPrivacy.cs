using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>How personal data is handled (GDPR article 13), at /personuppgifter and /en/personal-data.</summary>
public sealed class ShowPrivacy(ResidentPages pages)
{
    [Function(nameof(ShowPrivacy))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "personuppgifter")] HttpRequest request) => ShowAsync(request, Language.Swedish);

    [Function("ShowPrivacyInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/personal-data")] HttpRequest request) => ShowAsync(request, Language.English);

    private async Task<IActionResult> ShowAsync(HttpRequest request, Language language)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.PrivacyAsync(language));
    }
}
