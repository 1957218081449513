using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>How personal data is handled, in English.</summary>
public sealed class ShowPrivacyInEnglish(ResidentPages pages)
{
    [Function(nameof(ShowPrivacyInEnglish))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/personal-data")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResults.Html(await pages.PrivacyAsync(Language.English));
    }
}
