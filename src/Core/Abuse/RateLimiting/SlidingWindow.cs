using System.Threading.RateLimiting;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// One client's window on this instance: the times of the events counted in the last <see cref="Length"/>, at most
/// its limit of them. A <see cref="RateLimiter"/>, so <see cref="PartitionedRateLimiter"/> keeps one per client and
/// drops it once it has been idle a while. Our own rather than <see cref="SlidingWindowRateLimiter"/>, which reads the
/// machine's stopwatch and cannot take a <see cref="TimeProvider"/>; keeping the exact times also lets a refusal say to
/// the second when a place frees, as the page and the Retry-After header promise.
/// </summary>
internal sealed class SlidingWindow(int limit, TimeProvider time) : RateLimiter
{
    /// <summary>How far back events count.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(10);

    private static readonly RateLimitLease Acquired = new Lease(true, TimeSpan.Zero);

    private readonly Queue<DateTimeOffset> _events = new(limit);
    private readonly Lock _gate = new();
    private readonly DateTimeOffset _created = time.GetUtcNow();
    private DateTimeOffset? _latest;

    /// <summary>
    /// How long the window has held nothing (every counted event has left it), or null while it holds some: the
    /// partitioned limiter drops a window idle for more than a few seconds, so memory holds only recent clients.
    /// </summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            var now = time.GetUtcNow();
            lock (_gate)
            {
                var emptySince = _latest is { } latest ? latest + Length : _created;
                return now >= emptySince ? now - emptySince : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Forget(time.GetUtcNow());
            return new RateLimiterStatistics { CurrentAvailablePermits = limit - _events.Count };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Forget(now);
            if (_events.Count < limit)
            {
                _events.Enqueue(now);
                _latest = now;
                return Acquired;
            }

            // Full: a place frees when the oldest event in it turns <see cref="Length"/> old.
            return new Lease(false, _events.Peek() + Length - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    /// <summary>Drops the events that have left the window: exactly <see cref="Length"/> old counts no more.</summary>
    private void Forget(DateTimeOffset now)
    {
        while (_events.Count > 0 && now - _events.Peek() >= Length)
        {
            _events.Dequeue();
        }
    }

    private sealed class Lease(bool acquired, TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            if (acquired || metadataName != MetadataName.RetryAfter.Name)
            {
                return false;
            }

            metadata = retryAfter;
            return true;
        }
    }
}
