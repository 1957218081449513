using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// Counts a submission against its client's windows. The client is a keyed hash of its address and the UTC date
/// (<see cref="ClientKeys"/>), so the counter rows link a client's tips for one day at most and the address itself is
/// never stored or logged.
/// </summary>
public sealed class SubmissionRateLimiter(RateLimitStore store, ClientKeys keys, IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly RateLimitOptions _options = options.Value;

    /// <summary>Counts one submission now; when the client is over a limit nothing is counted and the answer says how long to wait.</summary>
    /// <param name="remoteAddress">The connection's remote address.</param>
    /// <param name="forwardedFor">The X-Forwarded-For header, trusted only on the platform.</param>
    public Task<RateDecision> CountAsync(string? remoteAddress, string? forwardedFor, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return Task.FromResult(RateDecision.Allow);
        }

        var now = time.GetUtcNow();
        return store.CountAsync(ClientKey(remoteAddress, forwardedFor, now), _options.Submissions, now, cancellationToken);
    }

    /// <summary>
    /// Deletes the counter rows of past UTC days, the lookup limit's with them (one table, one purge): their keys can
    /// never be drawn again, so they count nothing and are only pseudonymous data kept for no purpose. Runs whether or
    /// not the limits are switched on.
    /// </summary>
    /// <returns>How many rows were deleted.</returns>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken) => store.PurgeAsync(time.GetUtcNow(), cancellationToken);

    /// <summary>The client's pseudonym for tips on <paramref name="now"/>'s UTC day.</summary>
    public string ClientKey(string? remoteAddress, string? forwardedFor, DateTimeOffset now) => keys.For(ClientKeys.Tips, remoteAddress, forwardedFor, now);
}
