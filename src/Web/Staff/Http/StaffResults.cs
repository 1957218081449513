using Grastorp.Intake.Web.Http;
using Grastorp.Intake.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Grastorp.Intake.Web.Staff.Http;

/// <summary>
/// What the staff functions share once <see cref="StaffEntry"/> has let them in: the page's address, the form's
/// query values, the redirect after a post and the CSV download. Every answer is no-store.
/// </summary>
public static class StaffResults
{
    /// <summary>The page's language (English under /en/) and its address in the other language.</summary>
    public static StaffPageAddress Address(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StaffPageAddress.Of(request.Path.Value ?? string.Empty, request.QueryString.Value);
    }

    /// <summary>The values of a GET form, by field name (the last value when one is given twice).</summary>
    public static Dictionary<string, string?> Query(HttpRequest request, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fields);
        return fields.ToDictionary(f => f, f => request.Query[f].LastOrDefault(), StringComparer.Ordinal);
    }

    /// <summary>After a post: back to the list with GET, so a reload does not send the form again.</summary>
    public static IActionResult SeeOther(string location) => Redirect(StatusCodes.Status303SeeOther, location);

    public static IActionResult Csv(byte[] content, string fileName) => new CsvResult(content, fileName);

    /// <summary>A redirect no cache keeps (a sign-in redirect, or back to a list after a post).</summary>
    public static IActionResult Redirect(int status, string location) => new StaffRedirect(status, location);

    public static IActionResult NoStore(IActionResult inner) => new NoStoreResult(inner);

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
