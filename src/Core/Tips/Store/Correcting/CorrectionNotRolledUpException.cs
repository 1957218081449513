namespace Grastorp.Intake.Core.Tips.Store.Correcting;

/// <summary>
/// The correction's transaction committed, but writing its counters to the rollup failed. The caller must still
/// record what happened (the audit log), then let the cause (<see cref="Exception.InnerException"/>) be answered as
/// it is; sending the same request again heals the rollup and answers <see cref="CorrectionOutcome.AlreadyApplied"/>.
/// </summary>
public sealed class CorrectionNotRolledUpException : Exception
{
    public CorrectionNotRolledUpException()
    {
    }

    public CorrectionNotRolledUpException(string message)
        : base(message)
    {
    }

    public CorrectionNotRolledUpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
