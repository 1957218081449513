using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace Grastorp.Intake.Core.Digest.Delivery;

/// <summary>
/// Sends through Azure Communication Services Email: the POST and each status request run in the delivery pipeline
/// (the POST always with the message's Operation-Id), then the operation is polled, honouring the service's
/// retry-after, until it is Succeeded, Failed or Canceled, for at most <see cref="DigestDeliveryOptions.PollTimeout"/>.
/// </summary>
public sealed partial class AcsDigestSender(
    AcsEmailClient client,
    IOptions<DigestOptions> options,
    ResiliencePipelineProvider<string> pipelines,
    TimeProvider time,
    ILogger<AcsDigestSender> logger) : IDigestSender
{
    /// <summary>The SDK's EmailSendOperation polls every 5 s when the service gives no retry-after.</summary>
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);
    private const int MaxPolls = 120;

    public async Task SendAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var pipeline = pipelines.GetPipeline(DigestDeliveryPipeline.Key);
        var email = new EmailMessage(message.From, message.Subject, message.PlainText, message.Html, message.To);
        var status = await pipeline.ExecuteAsync(
            async token => await client.SendAsync(email, message.OperationId, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

        var deadline = time.GetUtcNow() + options.Value.Delivery.PollTimeout;
        for (var polls = 0; !status.IsTerminal; polls++)
        {
            var remaining = deadline - time.GetUtcNow();
            if (polls >= MaxPolls || remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"ACS did not report digest {message.Name} sent within {options.Value.Delivery.PollTimeout}; the next firing retries with the same Operation-Id.");
            }

            var wait = status.RetryAfter ?? DefaultPollInterval;
            await Task.Delay(wait < remaining ? wait : remaining, time, cancellationToken).ConfigureAwait(false);
            var current = status;
            status = await pipeline.ExecuteAsync(
                async token => await client.GetStatusAsync(current, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        if (status.Status != EmailSendStatus.Succeeded)
        {
            LogFailed(logger, message.Name, status.Status, status.ErrorCode);
            throw new EmailSendFailedException($"ACS reports digest {message.Name} {status.Status} ({status.ErrorCode}).") { ErrorCode = status.ErrorCode };
        }

        LogSent(logger, message.Name, message.OperationId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Name} sent by ACS (operation {OperationId})")]
    private static partial void LogSent(ILogger logger, string name, Guid operationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest {Name}: ACS reports the operation {Status} with error code {ErrorCode}")]
    private static partial void LogFailed(ILogger logger, string name, string status, string? errorCode);
}
