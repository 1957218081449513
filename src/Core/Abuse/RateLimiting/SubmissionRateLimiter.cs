using System.Globalization;
using Grastorp.Intake.Core.Privacy;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// Counts a submission against its client's windows. The client is a keyed hash of its address and the UTC date
/// (<c>Privacy:Key</c>, shared by every instance), so the counter rows link a client's tips for one day at most and
/// the address itself is never stored or logged.
/// </summary>
public sealed class SubmissionRateLimiter(RateLimitStore store, ReferencePseudonyms pseudonyms, IOptions<RateLimitOptions> options, TimeProvider time)
{
    /// <summary>What stands for a client whose address cannot be read: they share one window.</summary>
    private const string UnknownAddress = "unknown";

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
        return store.CountAsync(ClientKey(remoteAddress, forwardedFor, now), now, cancellationToken);
    }

    /// <summary>
    /// Deletes the counter rows of past UTC days: their keys can never be drawn again, so they count nothing and are
    /// only pseudonymous data kept for no purpose. Runs whether or not the limit is switched on.
    /// </summary>
    /// <returns>How many rows were deleted.</returns>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken) => store.PurgeAsync(time.GetUtcNow(), cancellationToken);

    /// <summary>HMAC-SHA256(Privacy:Key, "client:" + UTC date + ":" + address), 16 hex digits: a new pseudonym each day.</summary>
    public string ClientKey(string? remoteAddress, string? forwardedFor, DateTimeOffset now)
    {
        var address = ClientAddress.Resolve(remoteAddress, forwardedFor, _options.OnPlatform) ?? UnknownAddress;
        var day = DateOnly.FromDateTime(now.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return pseudonyms.Hash($"client:{day}:{address}");
    }
}
