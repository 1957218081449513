using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Staff.Audit;

/// <summary>Configuration section <c>Audit</c>: how long the audit log keeps what it records.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>Two years by default: long enough to answer a complaint about who read a tip.</summary>
    [Range(30, 3650, ErrorMessage = "Audit:RetentionDays must be between 30 and 3650 days.")]
    public int RetentionDays { get; set; } = 730;
}
