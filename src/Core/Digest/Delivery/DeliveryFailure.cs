using Azure;
using Grastorp.Intake.Core.Email;
using MailKit.Net.Smtp;

namespace Grastorp.Intake.Core.Digest.Delivery;

/// <summary>
/// A failed send in words safe to log: status codes and error codes, never the server's own text, which often
/// quotes an address ("550 5.1.1 &lt;name@example.se&gt;: recipient rejected") and could hold a secret.
/// </summary>
public static class DeliveryFailure
{
    public static string Describe(Exception exception) => exception switch
    {
        null => "unknown",
        SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} ({smtp.ErrorCode})",
        RequestFailedException http => $"HTTP {http.Status} ({http.ErrorCode ?? "no error code"})",
        EmailSendFailedException acs => $"ACS reported the e-mail failed ({acs.ErrorCode ?? "no error code"})",
        AggregateException { InnerExceptions.Count: 1 } single => Describe(single.InnerExceptions[0]),
        _ => exception.GetType().Name,
    };
}
