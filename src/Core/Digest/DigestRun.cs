using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Digest;

/// <summary>The outcome for one recipient list (null week and list when nothing was due).</summary>
public sealed record DigestRun(WeekId? Week, string? RecipientList, DigestOutcome Outcome);
