using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Staff.Http;
using Grastorp.Intake.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// The auditor (role Granskare) reads who was shown or corrected which tip, month by month; in Swedish at
/// /personal/granskning, in English at /en/personal/granskning.
/// </summary>
public sealed class ShowAuditLog(StaffEntry entry, AuditLog audit, StaffPages pages)
{
    private const int PageSize = 100;

    [Function(nameof(ShowAuditLog))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "personal/granskning")] HttpRequest request,
        CancellationToken cancellationToken) => ShowAsync(request, cancellationToken);

    [Function("ShowAuditLogInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/personal/granskning")] HttpRequest request,
        CancellationToken cancellationToken) => ShowAsync(request, cancellationToken);

    private Task<IActionResult> ShowAsync(HttpRequest request, CancellationToken cancellationToken) =>
        entry.EnterAsync(StaffArea.AuditLog, request, async principal =>
        {
            var page = await audit.ReadAsync(request.Query["manad"], request.Query["efter"], PageSize, cancellationToken);
            return PageResults.Html(await pages.AuditAsync(StaffResults.Address(request), principal, page));
        });
}
