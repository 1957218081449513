using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// Slows down guessing references on the status routes. A reference is 50 random bits, and a status can carry a
/// staff reply meant for the tipster alone, so a client that asks about many codes that do not exist is refused for a
/// while, found codes included (otherwise a guesser would ignore the refusals and still see its hits). Only misses are
/// counted: a resident looking at their own tip again and again costs one read, never a write.
/// </summary>
public sealed class LookupRateLimiter(RateLimitStore store, ClientKeys keys, IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly RateLimitOptions _options = options.Value;

    /// <summary>Whether the client may look up a code now (nothing is counted).</summary>
    public Task<RateDecision> CheckAsync(string? remoteAddress, string? forwardedFor, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return Task.FromResult(RateDecision.Allow);
        }

        var now = time.GetUtcNow();
        return store.CheckAsync(keys.For("lookup", remoteAddress, forwardedFor, now), _options.LookupMisses, now, cancellationToken);
    }

    /// <summary>Counts one code that matched no tip (malformed ones too: they look the same to the client).</summary>
    public async Task CountMissAsync(string? remoteAddress, string? forwardedFor, CancellationToken cancellationToken)
    {
        if (_options.Enabled)
        {
            var now = time.GetUtcNow();
            await store.CountAsync(keys.For("lookup", remoteAddress, forwardedFor, now), _options.LookupMisses, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
