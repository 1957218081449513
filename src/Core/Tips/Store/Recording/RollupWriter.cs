using System.Collections.Concurrent;
using Grastorp.Intake.Core.Tips.Store.Rollup;

namespace Grastorp.Intake.Core.Tips.Store.Recording;

/// <summary>
/// Rolling up what recording counted: after each transaction that moves a partition's counters, the counters as they
/// now stand go to the rollup table (<see cref="CountRollupStore"/>), which stats reads. The write comes after the
/// transaction, not in it (another table), so the rollup lags the counters by one write; when that write fails the
/// caller sees the exception, and the retry (a redelivered message finds its tip "already counted") writes it again.
/// Versions keep a late or slower writer from putting older counts back. Corrections and rebuilds write their own
/// counters straight to <see cref="CountRollupStore"/>.
/// </summary>
internal sealed class RollupWriter(CountRollupStore rollup)
{
    /// <summary>The newest counters this process has seen per partition, the copy the next rollup write carries.</summary>
    private readonly ConcurrentDictionary<string, WeekCounters> _newestCounted = new(StringComparer.Ordinal);

    /// <summary>One rollup writer at a time per partition, so tips that finish together share one write.</summary>
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _rollupGates = new(StringComparer.Ordinal);

    /// <summary>Remembers <paramref name="snapshot"/> as the partition's newest counters if it is newer than any seen.</summary>
    public void SawNewest(WeekCounters snapshot) =>
        _newestCounted.AddOrUpdate(snapshot.Partition.Key, snapshot, (_, newest) => newest.Version >= snapshot.Version ? newest : snapshot);

    /// <summary>
    /// Returns once the rollup holds <paramref name="counted"/> or newer counts. Group commit: while one write is on
    /// its way, the tips recorded meanwhile wait at the gate; the first through writes the newest counts there are,
    /// and the rest find them written (<see cref="CountRollupStore"/> knows its last version, so that costs no call).
    /// A failed write fails its caller, whose message comes again; the next waiter simply tries again.
    /// </summary>
    public async Task RollUpAtLeastAsync(WeekCounters counted, CancellationToken cancellationToken)
    {
        var gate = _rollupGates.GetOrAdd(counted.Partition.Key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var newest = _newestCounted.TryGetValue(counted.Partition.Key, out var seen) && seen.Version > counted.Version ? seen : counted;
            await rollup.WriteAsync(newest, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
