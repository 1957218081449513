namespace Grastorp.Intake.Core.Tips.Store.Correcting;

/// <summary>What a theme correction did.</summary>
public enum CorrectionOutcome
{
    /// <summary>The themes changed and the counters moved, in one transaction.</summary>
    Corrected,

    /// <summary>This request (its idempotency key) was applied before: a second send changes nothing.</summary>
    AlreadyApplied,

    /// <summary>The tip already has exactly these themes.</summary>
    Unchanged,

    /// <summary>No classified tip with that reference in that municipality and week.</summary>
    NotFound,
}
