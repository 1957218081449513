using Azure;
using Grastorp.Intake.Core.Digest.Delivery;
using MailKit.Net.Smtp;
using Polly.Timeout;

namespace Grastorp.Intake.Core.Tests.Digest.Delivery;

public class DigestDeliveryPipelineTests
{
    public static TheoryData<Exception, bool> Failures => new()
    {
        { new TimeoutRejectedException(), true },
        { new RequestFailedException(429, "throttled"), true },
        { new RequestFailedException(500, "server"), true },
        { new RequestFailedException(503, "unavailable"), true },
        { new RequestFailedException(0, "connection refused"), true },
        { new RequestFailedException(400, "bad"), false },
        { new RequestFailedException(401, "unauthenticated"), false },
        { new RequestFailedException(403, "forbidden"), false },
        { new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ServiceNotAvailable, "421"), true },
        { new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.MailboxBusy, "450"), true },
        { new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "550"), false },
        { new SmtpCommandException(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.AuthenticationInvalidCredentials, "535"), false },
        { new IOException("reset"), true },
        { new InvalidOperationException("plain password"), false },
        { new MailKit.Security.AuthenticationException("bad credentials"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Only_failures_another_attempt_can_heal_are_transient(Exception failure, bool transient)
    {
        Assert.Equal(transient, DigestDeliveryPipeline.IsTransient(failure));
    }
}
