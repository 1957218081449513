using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Grastorp.Intake.Core.Texts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Grastorp.Intake.Web.Http;

/// <summary>
/// "Not now, try again in a while": 503 when storage is down, 429 when a client sent too many tips or status lookups,
/// both with Retry-After; and 403 for a form posted from another site (no Retry-After). A browser gets a short page in
/// its language; other clients get problem details.
/// </summary>
public sealed class RetryLaterResult(int status, TimeSpan retryAfter, string messageKey, Language language, bool html) : IActionResult
{
    public int StatusCode => status;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var message = ServiceMessages.Get(messageKey, language);
        response.StatusCode = status;
        if (retryAfter > TimeSpan.Zero)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        ApiHeaders.Apply(response);
        byte[] body;
        if (html)
        {
            response.ContentType = "text/html; charset=utf-8";
            var encoded = WebUtility.HtmlEncode(message);
            body = Encoding.UTF8.GetBytes(
                $"<!DOCTYPE html><html lang=\"{language.Code()}\"><head><meta charset=\"utf-8\"><title>{encoded}</title></head>" +
                $"<body><main><h1>{encoded}</h1><p><a href=\"{(language == Language.English ? "/en/" : "/")}\">{(language == Language.English ? "Back to the form" : "Tillbaka till formuläret")}</a></p></main></body></html>");
        }
        else
        {
            response.ContentType = "application/problem+json";
            body = JsonSerializer.SerializeToUtf8Bytes(new ProblemDetails { Status = status, Title = message });
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
