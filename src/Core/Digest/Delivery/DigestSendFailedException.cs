using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Digest.Delivery;

/// <summary>
/// A week's digest for a list could not be sent. It carries <see cref="DeliveryFailure.Describe"/>'s safe words and
/// not the original exception, whose message may quote an address, because the host logs what the timer throws.
/// </summary>
public sealed class DigestSendFailedException : Exception
{
    public DigestSendFailedException()
    {
    }

    public DigestSendFailedException(string message)
        : base(message)
    {
    }

    public DigestSendFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DigestSendFailedException(WeekId week, string listId, string failure)
        : base($"Digest {week} for {listId} was not sent: {failure}. The next firing tries again.")
    {
        Failure = failure;
    }

    /// <summary>The safe description of what went wrong (a status or error code, or an exception type).</summary>
    public string? Failure { get; }
}
