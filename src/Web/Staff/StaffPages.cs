using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Staff.Dashboard;
using Grastorp.Intake.Core.Staff.TipDetail;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Web.Pages;
using Grastorp.Intake.Web.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Web.Staff;

/// <summary>
/// Renders the staff pages. Every one of them is sent with no-store (<see cref="HtmlPage.ShowsResidentText"/> true):
/// counts and tips are for the signed-in person only, never for a shared cache or the browser's history.
/// </summary>
public sealed class StaffPages(
    ComponentRenderer renderer,
    MunicipalityCatalog municipalities,
    ThemeCatalog themes,
    IOptions<StaffAuthOptions> auth,
    IOptions<AuditOptions> audit,
    PersonalDataDetector detector)
{
    public Task<HtmlPage> DashboardAsync(StaffPageAddress address, StaffPrincipal principal, DashboardView? view, IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string?> values) =>
        RenderAsync<DashboardPage>(address, errors.Count > 0 ? 400 : 200, new()
        {
            [nameof(DashboardPage.Principal)] = principal,
            [nameof(DashboardPage.View)] = view,
            [nameof(DashboardPage.Errors)] = errors,
            [nameof(DashboardPage.Values)] = values,
            [nameof(DashboardPage.Municipalities)] = municipalities.All,
        });

    public Task<HtmlPage> TipsAsync(StaffPageAddress address, StaffPrincipal principal, TipListView? view, IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string?> values, string? message) =>
        RenderAsync<TipListPage>(address, errors.Count > 0 ? 400 : 200, new()
        {
            [nameof(TipListPage.Principal)] = principal,
            [nameof(TipListPage.View)] = view,
            [nameof(TipListPage.Errors)] = errors,
            [nameof(TipListPage.Values)] = values,
            [nameof(TipListPage.Municipalities)] = municipalities.All,
            [nameof(TipListPage.Themes)] = themes.All,
            [nameof(TipListPage.Message)] = message,
            [nameof(TipListPage.Detector)] = detector,
        });

    /// <summary>One tip's own page; 200, or the status of a form shown again with its error (400, 409).</summary>
    public Task<HtmlPage> TipAsync(StaffPageAddress address, StaffPrincipal principal, TipPageView view, IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string?> values, string? message, int statusCode = 200) =>
        RenderAsync<TipPage>(address, statusCode, new()
        {
            [nameof(TipPage.Principal)] = principal,
            [nameof(TipPage.View)] = view,
            [nameof(TipPage.Errors)] = errors,
            [nameof(TipPage.Values)] = values,
            [nameof(TipPage.Municipalities)] = municipalities.All,
            [nameof(TipPage.Themes)] = themes.All,
            [nameof(TipPage.Message)] = message,
            [nameof(TipPage.Detector)] = detector,
        });

    public Task<HtmlPage> AuditAsync(StaffPageAddress address, StaffPrincipal principal, AuditPage page) =>
        RenderAsync<AuditLogPage>(address, 200, new()
        {
            [nameof(AuditLogPage.Principal)] = principal,
            [nameof(AuditLogPage.Page)] = page,
            [nameof(AuditLogPage.RetentionDays)] = audit.Value.RetentionDays,
            [nameof(AuditLogPage.Themes)] = themes.All,
        });

    /// <summary>403: the person is signed in but lacks the role; the page names it.</summary>
    public Task<HtmlPage> ForbiddenAsync(StaffPageAddress address, StaffAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return RenderAsync<ForbiddenPage>(address, 403, new()
        {
            [nameof(ForbiddenPage.Principal)] = access.Principal,
            [nameof(ForbiddenPage.Needed)] = access.Needed,
        });
    }

    private async Task<HtmlPage> RenderAsync<TPage>(StaffPageAddress address, int statusCode, Dictionary<string, object?> parameters)
        where TPage : IComponent
    {
        ArgumentNullException.ThrowIfNull(address);
        parameters["SignOutPath"] = auth.Value.SignOutPath;
        parameters[nameof(StaffComponent.Language)] = address.Language;
        parameters["Alternate"] = address.Alternate;
        var html = await renderer.RenderAsync<TPage>(parameters).ConfigureAwait(false);
        return new HtmlPage(statusCode, "<!DOCTYPE html>\n" + html, ShowsResidentText: true);
    }
}
