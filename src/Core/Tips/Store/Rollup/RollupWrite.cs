namespace Grastorp.Intake.Core.Tips.Store.Rollup;

/// <summary>What writing a week's counters to the rollup did.</summary>
public enum RollupWrite
{
    /// <summary>The row now holds this version.</summary>
    Written,

    /// <summary>The row already held this version or a newer one, so nothing was written.</summary>
    AlreadyNewer,
}
