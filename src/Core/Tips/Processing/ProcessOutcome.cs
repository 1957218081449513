namespace Grastorp.Intake.Core.Tips.Processing;

/// <summary>What processing one queue message did.</summary>
public enum ProcessOutcome
{
    /// <summary>Classified, stored and counted.</summary>
    Counted,

    /// <summary>A redelivery of a tip already stored: nothing moved.</summary>
    AlreadyCounted,

    /// <summary>Unreadable: moved to the poison queue untouched, without retries that could not help.</summary>
    Poisoned,
}
