using System.Net.Sockets;
using Azure;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Email;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace Grastorp.Intake.Core.Digest.Delivery;

/// <summary>
/// The one place digest delivery retries (registered with <c>AddResiliencePipeline</c> under <see cref="Key"/>):
/// exponential backoff with jitter on transient failures only (timeouts, 429, 5xx, SMTP 4xx), the server's
/// Retry-After when it gives one, and a timeout per attempt. Never 400/401/403 or an SMTP 5xx: those do not heal.
/// </summary>
public static partial class DigestDeliveryPipeline
{
    public const string Key = "digest-delivery";


    public static void Configure(ResiliencePipelineBuilder builder, DigestDeliveryOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = DigestDeliveryOptions.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    if (logger is not null)
                    {
                        LogRetry(logger, args.AttemptNumber + 1, DeliveryFailure.Describe(args.Outcome.Exception!), args.RetryDelay);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>
    /// Polly's own telemetry would log each failed attempt with its exception, whose message can quote an address;
    /// this pipeline logs its retries itself (<see cref="LogRetry"/>), so Polly's events for it are kept quiet.
    /// </summary>
    public static ResilienceEventSeverity Severity(SeverityProviderArguments args) =>
        args.Source.PipelineName == Key ? ResilienceEventSeverity.None : args.Event.Severity;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest delivery attempt {Attempt} failed ({Failure}); trying again in {Delay}")]
    private static partial void LogRetry(ILogger logger, int attempt, string failure, TimeSpan delay);

    /// <summary>Whether another attempt can succeed where this one failed.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutRejectedException => true,
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or (>= 500 and <= 599),
        SmtpCommandException command => (int)command.StatusCode is >= 400 and <= 499,
        SmtpProtocolException or ServiceNotConnectedException => true,
        HttpRequestException or SocketException or IOException => true,
        _ => false,
    };

    private static TimeSpan? RetryAfter(Exception? exception) =>
        exception is RequestFailedException failed && failed.GetRawResponse() is { } response && AcsEmailClient.RetryAfter(response) is { } wait
            ? (wait > DigestDeliveryOptions.MaxDelay ? DigestDeliveryOptions.MaxDelay : wait)
            : null;
}
