using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Dashboard;
using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Staff.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// The dashboard's table as a CSV for Excel: the same query, the same numbers. A Swedish header unless the English
/// page asked (/en/personal/statistik/csv); the BOM and <c>;</c> stay either way.
/// </summary>
public sealed class ExportDashboardCsv(StaffEntry entry, DashboardService dashboard)
{
    [Function(nameof(ExportDashboardCsv))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "personal/statistik/csv")] HttpRequest request,
        CancellationToken cancellationToken) => ExportAsync(request, cancellationToken);

    [Function("ExportDashboardCsvInEnglish")]
    public Task<IActionResult> RunInEnglish(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "en/personal/statistik/csv")] HttpRequest request,
        CancellationToken cancellationToken) => ExportAsync(request, cancellationToken);

    private Task<IActionResult> ExportAsync(HttpRequest request, CancellationToken cancellationToken) =>
        entry.EnterAsync(StaffArea.StatsExport, request, async principal =>
        {
            var form = StaffResults.Query(request, DashboardFields.Names);
            var (view, errors) = await dashboard.ShowAsync(DashboardFields.Request(form), StaffResults.Address(request).Language, principal, cancellationToken);
            return view is null ? IntakeResults.ValidationProblem(errors) : StaffResults.Csv(CountsCsv.Write(view), CountsCsv.FileName(view));
        });
}
