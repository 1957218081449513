using System.Text;
using Grastorp.Intake.Web.Assets;
using Grastorp.Intake.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Grastorp.Intake.Web.Http;

/// <summary>
/// Sends pages and their assets with the headers every page carries: a strict CSP (own files only, no inline script
/// or style, no framing), no sniffing, no referrer, no powerful features; and no-store where a page shows what a
/// resident wrote or their code.
/// </summary>
public static class PageResults
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IActionResult Html(HtmlPage page) => new HtmlPageResult(page);

    /// <summary>After a form post: the browser fetches the next page with GET, so a reload never sends the tip twice.</summary>
    public static IActionResult SeeOther(string location) => new SeeOtherResult(location);

    public static IActionResult Asset(HttpRequest request, string? name)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StaticAssets.TryGet(name, out var asset))
        {
            return new NotFoundResult();
        }

        return new AssetResult(asset, request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == asset.ETag)));
    }

    private static void AddSecurityHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    private sealed class HtmlPageResult(HtmlPage page) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = page.StatusCode;
            response.ContentType = "text/html; charset=utf-8";
            AddSecurityHeaders(response.Headers);
            response.Headers.CacheControl = page.ShowsResidentText ? "no-store" : "no-cache";
            if (page.RetryAfter is { } retryAfter)
            {
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var body = Encoding.UTF8.GetBytes(page.Html);
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    private sealed class SeeOtherResult(string location) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status303SeeOther;
            response.Headers.Location = location;
            response.Headers.CacheControl = "no-store";
            AddSecurityHeaders(response.Headers);
            return Task.CompletedTask;
        }
    }

    private sealed class AssetResult(StaticAsset asset, bool unchanged) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.Headers.ETag = asset.ETag;
            // Pages link each asset with its content hash in the query, so a year is safe; a bare URL still revalidates by ETag.
            response.Headers.CacheControl = context.HttpContext.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=300";
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (unchanged)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            response.StatusCode = StatusCodes.Status200OK;
            response.Headers[HeaderNames.ContentType] = asset.ContentType;
            response.ContentLength = asset.Content.Length;
            await response.Body.WriteAsync(asset.Content, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
