namespace Grastorp.Intake.Core.Staff.Audit;

/// <summary>One line of the audit log: who did what with which tip, when. Never the tip's text.</summary>
/// <param name="Detail">For a correction, the themes before and after (ids); otherwise empty.</param>
public sealed record AuditEntry(DateTimeOffset At, string Who, string Role, AuditAction Action, string Reference, string Partition, string Detail)
{
    /// <summary>The person's Entra object id beside the display name: a name can change or be shared, the id cannot.</summary>
    public string WhoId { get; init; } = string.Empty;
}

/// <summary>One page of a month's audit log, newest first, and the token of the next page (null on the last).</summary>
public sealed record AuditPage(string Month, IReadOnlyList<AuditEntry> Entries, string? Next);
