using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Grastorp.Intake.Functions.Http;

/// <summary>
/// What the staff functions share: the guard's verdict as HTTP (a browser page without sign-in is sent to sign in,
/// anything else gets 401; a missing role gets 403 and a page naming it), the cross-site check for posts, the
/// form's query values, and the CSV download. Every answer is no-store.
/// </summary>
public static class StaffResults
{
    /// <summary>
    /// Lets a staff request in: the signed-in principal with the area's role, or the answer that refuses it. A post must
    /// also be a form from this site, checked here so that no state-changing function can forget it (403 otherwise).
    /// </summary>
    public static async Task<(StaffPrincipal? Principal, IActionResult? Refusal)> EnterAsync(StaffGuard guard, StaffPages pages, StaffArea area, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(request);
        var access = guard.Check(area, request.Headers[ClientPrincipal.HeaderName]);
        if (!access.Allowed)
        {
            return (null, await RefuseAsync(access, request, guard, pages).ConfigureAwait(false));
        }

        if (HttpMethods.IsPost(request.Method) && (IsCrossSite(request) || !request.HasFormContentType))
        {
            return (null, CrossSiteRefused());
        }

        return (access.Principal, null);
    }

    private static async Task<IActionResult> RefuseAsync(StaffAccess access, HttpRequest request, StaffGuard guard, StaffPages pages)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(pages);
        if (access.Result == StaffAccess.Verdict.Forbidden)
        {
            return PageResults.Html(await pages.ForbiddenAsync(Address(request), access).ConfigureAwait(false));
        }

        if (HttpMethods.IsGet(request.Method) && BrowserResults.WantsHtml(request))
        {
            return new StaffRedirect(StatusCodes.Status302Found, guard.SignInUrl(request.Path + request.QueryString));
        }

        return NoStore(IntakeResults.Problem(StatusCodes.Status401Unauthorized, "Logga in för att se personalsidorna. / Sign in to see the staff pages."));
    }

    /// <summary>The page's language (English under /en/) and its address in the other language.</summary>
    public static StaffPageAddress Address(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StaffPageAddress.Of(request.Path.Value ?? string.Empty, request.QueryString.Value);
    }

    /// <summary>A post another site made the browser send: refused before anything changes.</summary>
    private static bool IsCrossSite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return !CrossSiteCheck.IsSameOrigin(request.Headers["Sec-Fetch-Site"], request.Headers.Origin, request.Host.Value);
    }

    private static NoStoreResult CrossSiteRefused() =>
        NoStore(IntakeResults.Problem(StatusCodes.Status403Forbidden, "Begäran kom från en annan webbplats. / The request came from another site."));

    /// <summary>The values of a GET form, by field name (the last value when one is given twice).</summary>
    public static Dictionary<string, string?> Query(HttpRequest request, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(request);
        return fields.ToDictionary(f => f, f => request.Query[f].LastOrDefault(), StringComparer.Ordinal);
    }

    /// <summary>After a post: back to the list with GET, so a reload does not send the form again.</summary>
    public static IActionResult SeeOther(string location) => new StaffRedirect(StatusCodes.Status303SeeOther, location);

    public static IActionResult Csv(byte[] content, string fileName) => new CsvResult(content, fileName);

    private static NoStoreResult NoStore(IActionResult inner) => new(inner);

    private sealed class NoStoreResult(IActionResult inner) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return inner.ExecuteResultAsync(context);
        }
    }

    private sealed class StaffRedirect(int status, string location) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = status;
            response.Headers.Location = location;
            response.Headers.CacheControl = "no-store";
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }
    }

    private sealed class CsvResult(byte[] content, string fileName) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = Grastorp.Intake.Core.Staff.Dashboard.CountsCsv.ContentType;
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            response.Headers.CacheControl = "no-store";
            response.Headers.XContentTypeOptions = "nosniff";
            response.ContentLength = content.Length;
            await response.Body.WriteAsync(content, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
