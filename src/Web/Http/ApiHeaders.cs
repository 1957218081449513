using Microsoft.AspNetCore.Http;

namespace Grastorp.Intake.Web.Http;

/// <summary>
/// Headers every API answer carries: nothing a resident sent or got back (a reference, a status) is kept by a browser
/// or proxy cache, and no browser guesses a content type from the body.
/// </summary>
public static class ApiHeaders
{
    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
    }

    /// <summary>Sets the headers just before the answer starts, whichever result writes it.</summary>
    public static void ApplyOnStarting(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.OnStarting(() =>
            {
                Apply(context.Response);
                return Task.CompletedTask;
            });
        }
    }
}
