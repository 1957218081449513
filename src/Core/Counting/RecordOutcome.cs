namespace Grastorp.Intake.Core.Counting;

/// <summary>Whether storing a tip moved the counters, or found the tip already counted (a redelivered message).</summary>
public enum RecordOutcome
{
    Counted,
    AlreadyCounted,
}
