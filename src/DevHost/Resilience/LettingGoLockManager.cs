using Grastorp.Intake.Core.Storage;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.DependencyInjection.Extensions;

// WebJobs marks the lock types "not ready for public consumption", yet registers its own lock manager under this
// interface; decorating that registration is the one way to change what a failed release does.
#pragma warning disable CS0618

namespace Grastorp.Intake.DevHost.Resilience;

/// <summary>
/// The timers' singleton lock (a blob lease) is released when the host stops, and once more when the host is disposed
/// if the first release failed. In Microsoft.Azure.WebJobs 3.0.48 the second release stops a renewal timer that the
/// first one already stopped and throws <see cref="InvalidOperationException"/> ("The timer has already been
/// stopped") out of the host's disposal: the DevHost ended with an unhandled exception and exit code 134 whenever
/// storage was gone or slow at shutdown (the same double release as azure-webjobs-sdk#2961). A lease that is not
/// released expires by itself within its period (15 s, <see cref="FunctionHostRegistration"/>), so a release that
/// storage does not answer is logged and let go.
/// </summary>
internal sealed partial class LettingGoLockManager(IDistributedLockManager inner, ILogger<LettingGoLockManager> logger) : IDistributedLockManager
{
    public Task<IDistributedLock> TryLockAsync(
        string account, string lockId, string lockOwnerId, string proposedLeaseId, TimeSpan lockPeriod, CancellationToken cancellationToken) =>
        inner.TryLockAsync(account, lockId, lockOwnerId, proposedLeaseId, lockPeriod, cancellationToken);

    public Task<bool> RenewAsync(IDistributedLock lockHandle, CancellationToken cancellationToken) => inner.RenewAsync(lockHandle, cancellationToken);

    public Task<string> GetLockOwnerAsync(string account, string lockId, CancellationToken cancellationToken) =>
        inner.GetLockOwnerAsync(account, lockId, cancellationToken);

    public async Task ReleaseLockAsync(IDistributedLock lockHandle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lockHandle);
        try
        {
            await inner.ReleaseLockAsync(lockHandle, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFaults.IsOutage(e) || e is OperationCanceledException)
        {
            LogNotReleased(logger, lockHandle.LockId, e.GetType().Name);
        }
    }

    /// <summary>Wraps the lock manager the WebJobs storage services registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IDistributedLockManager))
            ?? throw new InvalidOperationException("No IDistributedLockManager is registered; add the WebJobs storage services first.");
        services.RemoveAll<IDistributedLockManager>();
        services.AddSingleton<IDistributedLockManager>(provider => new LettingGoLockManager(
            (IDistributedLockManager)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)),
            provider.GetRequiredService<ILogger<LettingGoLockManager>>()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Singleton lock {LockId} not released ({Failure}); its lease expires by itself")]
    private static partial void LogNotReleased(ILogger logger, string lockId, string failure);
}
