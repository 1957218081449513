using Microsoft.AspNetCore.Http;

namespace Grastorp.Intake.Web.Http;

/// <summary>
/// HTTP Strict Transport Security on every answer to an HTTPS request, pages, API and assets alike: once a browser has
/// seen the site over HTTPS it never tries plain HTTP again, so nobody on the resident's network can strip TLS from
/// the form. The platform's HTTPS Only setting redirects HTTP, but it does not send this header (README, "Deploy").
/// Behind the front end the worker hears plain HTTP from the host, so the front end's <c>X-Forwarded-Proto</c> counts
/// too; a browser ignores the header over HTTP anyway (RFC 6797 §8.1), so a forged one gains nothing.
/// </summary>
public static class TransportSecurity
{
    /// <summary>One year, the usual minimum for browsers' preload lists; no subdomains (a municipality's other sites are theirs).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static void ApplyOnStarting(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.IsHttps || string.Equals(context.Request.Headers["X-Forwarded-Proto"].ToString(), "https", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.StrictTransportSecurity = StrictTransportSecurity;
                return Task.CompletedTask;
            });
        }
    }
}
