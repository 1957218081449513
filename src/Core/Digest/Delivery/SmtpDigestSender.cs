using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace Grastorp.Intake.Core.Digest.Delivery;

/// <summary>
/// Sends by SMTP with MailKit: STARTTLS or implicit TLS, optional authentication, one fresh session per attempt
/// inside the delivery pipeline. TLS is required unless <c>Digest:Smtp:AllowPlainText</c> allows a local relay
/// without it, and a password is never sent over an unencrypted session.
/// </summary>
public sealed partial class SmtpDigestSender(
    IOptions<DigestOptions> options, ResiliencePipelineProvider<string> pipelines, ILogger<SmtpDigestSender> logger) : IDigestSender
{
    public async Task SendAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var pipeline = pipelines.GetPipeline(DigestDeliveryPipeline.Key);
        var attempt = 0;
        await pipeline.ExecuteAsync(
            async token =>
            {
                attempt++;
                await SendOnceAsync(message, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        LogSent(logger, message.Name, attempt);
    }

    private async Task SendOnceAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var mime = message.ToMime();
        using var client = new SmtpClient();
        var security = smtp.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ when smtp.AllowPlainText => SecureSocketOptions.StartTlsWhenAvailable,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(smtp.UserName) && !string.IsNullOrEmpty(smtp.Password))
        {
            if (!client.IsSecure)
            {
                throw new InvalidOperationException("The SMTP server offers no TLS; the password is not sent over a plain connection.");
            }

            await client.AuthenticateAsync(smtp.UserName, smtp.Password, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Name} accepted by the SMTP server after {Attempts} attempt(s)")]
    private static partial void LogSent(ILogger logger, string name, int attempts);
}
