namespace Grastorp.Intake.Core.Tips.Status;

/// <summary>What a client's status lookup gets: the status, nothing (an unknown or malformed code), or "wait" (too many lookups).</summary>
public sealed record StatusLookup(TipStatus? Status, TimeSpan RetryAfter)
{
    public static readonly StatusLookup NotFound = new(null, TimeSpan.Zero);

    /// <summary>The client looked up too many codes in ten minutes: nothing was looked up.</summary>
    public bool Refused => RetryAfter > TimeSpan.Zero;

    public static StatusLookup Found(TipStatus status) => new(status, TimeSpan.Zero);

    public static StatusLookup TooMany(TimeSpan retryAfter) => new(null, retryAfter);
}
