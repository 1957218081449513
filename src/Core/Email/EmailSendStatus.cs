namespace Grastorp.Intake.Core.Email;

/// <summary>
/// An e-mail operation as the service reports it: <c>NotStarted</c>, <c>Running</c>, then <c>Succeeded</c>,
/// <c>Failed</c> or <c>Canceled</c>. <see cref="RetryAfter"/> is the service's <c>retry-after</c> while it runs.
/// </summary>
public sealed record EmailSendStatus(string Id, string Status, Uri? OperationLocation, TimeSpan? RetryAfter, string? ErrorCode = null, string? ErrorMessage = null)
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Canceled = "Canceled";

    public bool IsTerminal => Status is Succeeded or Failed or Canceled;
}
