using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Core.Retention;

/// <summary>
/// Configuration section <c>Retention</c>: how long what a resident wrote is kept. Each municipality sets its own
/// period under its archive rules (gallringsbeslut); the pages tell residents the same number.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>The app setting the retention timer's UTC schedule comes from (<c>%RETENTION_SCHEDULE%</c>).</summary>
    public const string ScheduleSetting = "RETENTION_SCHEDULE";

    /// <summary>
    /// Days a tip's text, place and contact, its receipt, a poisoned message and a local digest file are kept
    /// (<c>Retention:Days</c>). At least 30, so a tip cannot vanish before staff have read it and the digest has gone.
    /// </summary>
    [Range(30, 3650, ErrorMessage = "Retention:Days must be between 30 and 3650 days.")]
    public int Days { get; set; } = 365;

    /// <summary>
    /// At most this many items of each kind (tips, receipts, poisoned messages, ledger rows, files) are removed per
    /// firing (<c>Retention:MaxPerRun</c>), so a firing stays short; a backlog goes over the following days. Receipts
    /// go a batch row at a time, so their last row may take up to 99 more.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Retention:MaxPerRun must be between 1 and 100000.")]
    public int MaxPerRun { get; set; } = 5000;
}
