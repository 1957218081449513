namespace Grastorp.Intake.Core.Email;

/// <summary>What <c>POST /emails:send</c> takes: a verified sender, a subject, both bodies and the To recipients.</summary>
public sealed record EmailMessage(string SenderAddress, string Subject, string PlainText, string Html, IReadOnlyList<string> To);
