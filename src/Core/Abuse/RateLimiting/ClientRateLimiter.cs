using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// Counts a client's tips, status lookups and tip checks, each against its own ten-minute sliding window, in this
/// instance's memory only: nothing is written anywhere, so nothing at rest can join an address to a tip. The client is
/// a keyed hash of its address under a key that lives and dies with the process (<see cref="ClientKeys"/>). Each
/// instance counts on its own, so across the whole site a client can get at most the limit times the number of
/// instances (the template caps that at <c>maximumInstanceCount</c>; docs/PRIVACY.md).
/// </summary>
public sealed class ClientRateLimiter : IDisposable
{
    private readonly ClientKeys _keys;
    private readonly bool _enabled;
    private readonly PartitionedRateLimiter<string> _tips;
    private readonly PartitionedRateLimiter<string> _lookups;
    private readonly PartitionedRateLimiter<string> _checks;

    public ClientRateLimiter(ClientKeys keys, IOptions<RateLimitOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = keys;
        var limits = options.Value;
        _enabled = limits.Enabled;
        _tips = Windows(limits.PerTenMinutes, time);
        _lookups = Windows(limits.LookupsPerTenMinutes, time);
        _checks = Windows(limits.ChecksPerTenMinutes, time);
    }

    /// <summary>Counts one tip now; when the client is over its limit nothing is counted and the answer says how long to wait.</summary>
    public RateDecision CountTip(ClientOrigin client) => Count(_tips, client);

    /// <summary>
    /// Counts one status lookup now, before anything is looked up, found codes and unknown ones alike, so guessing
    /// codes gets nowhere; counting only misses would let a burst sent at once pass the check together.
    /// </summary>
    public RateDecision CountLookup(ClientOrigin client) => Count(_lookups, client);

    /// <summary>
    /// Counts one check of a tip being written (the form's nudge about personal data). Generous, as the script asks
    /// while the resident types, but a bound all the same: the same-origin check rests on headers any client can set.
    /// </summary>
    public RateDecision CountCheck(ClientOrigin client) => Count(_checks, client);

    public void Dispose()
    {
        _tips.Dispose();
        _lookups.Dispose();
        _checks.Dispose();
    }

    /// <summary>
    /// One window per client pseudonym. The partitioned limiter drops a window that has been empty for a few seconds
    /// (its idle timer), so memory holds only the clients seen in the last ten minutes.
    /// </summary>
    private static PartitionedRateLimiter<string> Windows(int limit, TimeProvider time) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.Get(key, _ => new SlidingWindow(limit, time)));

    private RateDecision Count(PartitionedRateLimiter<string> windows, ClientOrigin client)
    {
        if (!_enabled)
        {
            return RateDecision.Allow;
        }

        using var lease = windows.AttemptAcquire(_keys.For(client));
        return lease.IsAcquired
            ? RateDecision.Allow
            : RateDecision.Limit(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : SlidingWindow.Length);
    }
}
