using Grastorp.Intake.Core.Digest.Message;

namespace Grastorp.Intake.Core.Digest.Delivery;

/// <summary>Delivers a digest by one transport (<c>Digest:Transport</c>): pickup folder, SMTP or ACS.</summary>
public interface IDigestSender
{
    /// <summary>
    /// Sends, retrying transient failures in the delivery pipeline, or throws. Sending again with the same
    /// <see cref="DigestMessage.OperationId"/> must not deliver twice where the transport allows it.
    /// </summary>
    Task SendAsync(DigestMessage message, CancellationToken cancellationToken);
}
