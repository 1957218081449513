using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Digest.Scheduling;

/// <summary>The outcome for one week and recipient list (null week and list when nothing was due).</summary>
public sealed record DigestRun(WeekId? Week, string? RecipientList, DigestOutcome Outcome);
