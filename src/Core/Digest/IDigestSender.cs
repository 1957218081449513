namespace Grastorp.Intake.Core.Digest;

/// <summary>Delivers a digest: a pickup folder here, e-mail in production.</summary>
public interface IDigestSender
{
    /// <summary>Sends, or throws. Calling it again with the same <see cref="WeeklyDigest.OperationId"/> must not deliver twice where the channel allows it.</summary>
    Task SendAsync(WeeklyDigest digest, CancellationToken cancellationToken);
}
