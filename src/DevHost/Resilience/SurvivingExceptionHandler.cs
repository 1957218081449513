using System.Runtime.ExceptionServices;
using Grastorp.Intake.Core.Storage;
using Microsoft.Azure.WebJobs.Host.Timers;

namespace Grastorp.Intake.DevHost.Resilience;

/// <summary>
/// WebJobs' default handler rethrows a listener's unhandled exception on a new thread, which ends the process: a
/// storage outage of a few seconds killed the DevHost, and nothing restarted it (the Functions host restarts itself;
/// a developer's terminal does not). This one logs and lets the host live; <see cref="OutageTolerantComponentFactory"/>
/// keeps the queue listener polling through an outage, so it resumes by itself when storage returns.
/// </summary>
internal sealed partial class SurvivingExceptionHandler(ILogger<SurvivingExceptionHandler> logger) : IWebJobsExceptionHandler, IWebJobsExceptionHandlerFactory
{
    public IWebJobsExceptionHandler Create(IHost jobHost) => this;

    public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod)
    {
        ArgumentNullException.ThrowIfNull(exceptionInfo);
        LogTimeout(logger, exceptionInfo.SourceException.GetType().Name, timeoutGracePeriod);
        return Task.CompletedTask;
    }

    public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
    {
        ArgumentNullException.ThrowIfNull(exceptionInfo);
        var exception = exceptionInfo.SourceException;
        if (StorageFaults.IsOutage(exception))
        {
            // Only the type and status: storage exceptions can quote request URLs, never message content, but keep it short.
            LogOutage(logger, exception.GetType().Name, exception is Azure.RequestFailedException failed ? failed.Status : 0);
        }
        else
        {
            LogUnhandled(logger, exception);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable to a WebJobs listener ({Failure}, status {Status}); the host stays up and the message is retried")]
    private static partial void LogOutage(ILogger logger, string failure, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in a WebJobs listener; the host stays up")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A function timed out ({Failure}, grace {Grace}); the host stays up")]
    private static partial void LogTimeout(ILogger logger, string failure, TimeSpan grace);
}
