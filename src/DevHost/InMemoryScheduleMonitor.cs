using System.Collections.Concurrent;
using Microsoft.Azure.WebJobs.Extensions.Timers;

namespace Grastorp.Intake.DevHost;

/// <summary>
/// Replaces the timer extension's storage-backed monitor, whose 3.0.6 build needs a type that
/// Microsoft.Azure.WebJobs.Host.Storage 5.x (required by the queue extension) no longer has. Forgetting the last
/// run on restart only loses past-due detection, which the digest does not rely on: it decides from Swedish time
/// and its sent-digest record at every firing.
/// </summary>
internal sealed class InMemoryScheduleMonitor : ScheduleMonitor
{
    private readonly ConcurrentDictionary<string, ScheduleStatus> _statuses = new(StringComparer.Ordinal);

    public override Task<ScheduleStatus> GetStatusAsync(string timerName) =>
        Task.FromResult(_statuses.GetValueOrDefault(timerName)!);

    public override Task UpdateStatusAsync(string timerName, ScheduleStatus status)
    {
        _statuses[timerName] = status;
        return Task.CompletedTask;
    }
}
