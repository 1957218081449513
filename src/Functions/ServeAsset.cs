using Grastorp.Intake.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>The pages' style sheet, script and logo, embedded in the Web assembly, with ETag and Cache-Control.</summary>
public static class ServeAsset
{
    [Function(nameof(ServeAsset))]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{name}")] HttpRequest request,
        string name) => PageResults.Asset(request, name);
}
