using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// Slows down guessing references on the status routes. A reference is 50 random bits, and a status can carry a
/// staff reply meant for the tipster alone. Every lookup is counted before anything is looked up, found codes and
/// unknown ones alike: counting only misses would need a check before the lookup and a count after it, and a burst
/// of lookups sent at once would all pass the check. The count is the tip limit's ETag-conditional one, so however
/// many lookups race, no more than the limit are let through.
/// </summary>
public sealed class LookupRateLimiter(RateLimitStore store, ClientKeys keys, IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly RateLimitOptions _options = options.Value;

    /// <summary>Counts one lookup now; when the client is over the limit nothing is counted and the answer says how long to wait.</summary>
    /// <param name="remoteAddress">The connection's remote address.</param>
    /// <param name="forwardedFor">The X-Forwarded-For header, trusted only on the platform.</param>
    public Task<RateDecision> CountAsync(string? remoteAddress, string? forwardedFor, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return Task.FromResult(RateDecision.Allow);
        }

        var now = time.GetUtcNow();
        return store.CountAsync(keys.For(ClientKeys.Lookups, remoteAddress, forwardedFor, now), _options.Lookups, now, cancellationToken);
    }
}
