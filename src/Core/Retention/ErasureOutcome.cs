namespace Grastorp.Intake.Core.Retention;

/// <summary>What became of a request to remove what a resident wrote.</summary>
public enum ErasureOutcome
{
    /// <summary>The tip's content is gone (or its poisoned message, which held all of it) and its reference is unknown from now on.</summary>
    Erased,

    /// <summary>No receipt for the reference: mistyped, never issued, already erased, or past retention.</summary>
    Unknown,

    /// <summary>The tip is not stored yet (still on its queue, usually for seconds); nothing was changed.</summary>
    NotYetStored,
}
