using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Dashboard;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Staff.Http;
using Grastorp.Intake.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// Municipality staff (role Kommun) see tip counts per theme and week as a chart, a table and totals: in Swedish at
/// /personal/statistik, in English at /en/personal/statistik (the language comes from the path).
/// </summary>
public sealed class ShowDashboard(StaffEntry entry, DashboardService dashboard, StaffPages pages)
{
    [Function(nameof(ShowDashboard))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "personal/statistik")] HttpRequest request,
        CancellationToken cancellationToken) => ShowAsync(request, cancellationToken);

    [Function("ShowDashboardInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/personal/statistik")] HttpRequest request,
        CancellationToken cancellationToken) => ShowAsync(request, cancellationToken);

    private Task<IActionResult> ShowAsync(HttpRequest request, CancellationToken cancellationToken) =>
        entry.EnterAsync(StaffArea.Dashboard, request, async principal =>
        {
            var address = StaffResults.Address(request);
            var form = StaffResults.Query(request, DashboardFields.Names);
            var (view, errors) = await dashboard.ShowAsync(DashboardFields.Request(form), address.Language, principal, cancellationToken);
            return PageResults.Html(await pages.DashboardAsync(address, principal, view, errors, form));
        });
}
