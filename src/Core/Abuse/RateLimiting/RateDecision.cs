namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>Whether a client may send one more tip (or look up one more status) now; when not, how long until its window frees a place.</summary>
public sealed record RateDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static readonly RateDecision Allow = new(true, TimeSpan.Zero);

    public static RateDecision Limit(TimeSpan retryAfter) => new(false, retryAfter);
}
