using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Texts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Grastorp.Intake.Web.Http;

/// <summary>
/// What an HTTP function's exception becomes, the same on both hosts: a client that hung up or timed out is not an
/// application failure (Debug, and 408 while it is still there); a storage outage is 503 with Retry-After; anything
/// else is left to the host (a real bug).
/// </summary>
public static partial class HttpFaults
{
    public static readonly TimeSpan OutageRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Answers the exception if it is one of the known kinds; false leaves it to the host.</summary>
    public static async Task<bool> TryAnswerAsync(Exception exception, HttpContext context, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        var failure = exception.GetType().Name;
        if (IsClientGone(exception, context))
        {
            LogClientGone(logger, failure);
            if (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status408RequestTimeout;
            }

            return true;
        }

        if (StorageFaults.IsOutage(exception) && !context.Response.HasStarted)
        {
            LogOutage(logger, failure);
            var language = Languages.FromAcceptLanguage(context.Request.Headers.AcceptLanguage);
            await new RetryLaterResult(StatusCodes.Status503ServiceUnavailable, OutageRetryAfter, ServiceMessages.Unavailable, language, BrowserResults.WantsHtml(context.Request))
                .ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <summary>A hang-up, a reset, or a body that arrived too slowly (Kestrel's minimum data rate): the client's doing.</summary>
    private static bool IsClientGone(Exception exception, HttpContext context) =>
        exception is BadHttpRequestException
        || (context.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException)
        || exception.GetType().Name == "ConnectionResetException";

    [LoggerMessage(Level = LogLevel.Debug, Message = "The client went away or was too slow ({Failure}); not an application failure")]
    private static partial void LogClientGone(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable ({Failure}); answered 503")]
    private static partial void LogOutage(ILogger logger, string failure);
}
