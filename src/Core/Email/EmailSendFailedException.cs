namespace Grastorp.Intake.Core.Email;

/// <summary>The service accepted the e-mail but reports it Failed or Canceled (e.g. <c>EmailDropped</c>); a retry with the same id cannot help.</summary>
public sealed class EmailSendFailedException : Exception
{
    public EmailSendFailedException()
    {
    }

    public EmailSendFailedException(string message)
        : base(message)
    {
    }

    public EmailSendFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The service's <c>error.code</c>, safe to log (it names no address or content).</summary>
    public string? ErrorCode { get; init; }
}
