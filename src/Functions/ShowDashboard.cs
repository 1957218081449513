using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Dashboard;
using Grastorp.Intake.Functions.Http;
using Grastorp.Intake.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>Municipality staff (role Kommun) see tip counts per theme and week as a chart, a table and totals.</summary>
public sealed class ShowDashboard(StaffGuard guard, DashboardService dashboard, StaffPages pages)
{
    [Function(nameof(ShowDashboard))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "personal/statistik")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = StaffResults.Check(guard, StaffArea.Dashboard, request);
        if (!access.Allowed)
        {
            return await StaffResults.RefuseAsync(access, request, guard, pages);
        }

        var form = StaffResults.Query(request, DashboardFields.Municipality, DashboardFields.Period, DashboardFields.From, DashboardFields.To, DashboardFields.Kind);
        var (view, errors) = await dashboard.ShowAsync(DashboardFields.Request(form), cancellationToken);
        return PageResults.Html(await pages.DashboardAsync(access.Principal!, view, errors, form));
    }
}
