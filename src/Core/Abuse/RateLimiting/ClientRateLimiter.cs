using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// Counts a client's tips and its status lookups against their windows. The client is a keyed hash of its address
/// and the UTC date, drawn apart per limit (<see cref="ClientKeys"/>), so the counter rows link a client's requests for
/// one day at most, the two counts cannot be joined, and the address itself is never stored or logged.
/// </summary>
public sealed class ClientRateLimiter(RateLimitStore store, ClientKeys keys, IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly RateLimitOptions _options = options.Value;

    /// <summary>Counts one tip now; when the client is over a limit nothing is counted and the answer says how long to wait.</summary>
    public Task<RateDecision> CountTipAsync(ClientOrigin client, CancellationToken cancellationToken) =>
        CountAsync(ClientKeys.Tips, _options.Submissions, client, cancellationToken);

    /// <summary>
    /// Counts one status lookup now, before anything is looked up, found codes and unknown ones alike. Counting only
    /// misses would need a check before the lookup and a count after it, and a burst sent at once would all pass the
    /// check; this count is ETag-conditional, so however many lookups race, no more than the limit get through.
    /// </summary>
    public Task<RateDecision> CountLookupAsync(ClientOrigin client, CancellationToken cancellationToken) =>
        CountAsync(ClientKeys.Lookups, _options.Lookups, client, cancellationToken);

    /// <summary>
    /// Deletes the counter rows of past UTC days, both limits' (one table): their keys can never be drawn again, so
    /// they count nothing and are only pseudonymous data kept for no purpose. Runs whether or not the limits are on.
    /// </summary>
    /// <returns>How many rows were deleted.</returns>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken) => store.PurgeAsync(time.GetUtcNow(), cancellationToken);

    /// <summary>The client's pseudonym for tips on <paramref name="now"/>'s UTC day.</summary>
    public string ClientKey(string? remoteAddress, string? forwardedFor, DateTimeOffset now) => keys.For(ClientKeys.Tips, new(remoteAddress, forwardedFor), now);

    private Task<RateDecision> CountAsync(string purpose, WindowLimits limits, ClientOrigin client, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return Task.FromResult(RateDecision.Allow);
        }

        var now = time.GetUtcNow();
        return store.CountAsync(keys.For(purpose, client, now), limits, now, cancellationToken);
    }
}
