namespace Grastorp.Intake.Core.Tips.Store;

/// <summary>Whether storing a tip moved the counters, or found the tip already counted (a redelivered message).</summary>
public enum RecordOutcome
{
    Counted,
    AlreadyCounted,
}
