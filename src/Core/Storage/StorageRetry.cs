using Azure.Core;

namespace Grastorp.Intake.Core.Storage;

/// <summary>
/// The storage clients' shared options. Their own retry budget: the SDK default (3 retries from 0.8 s, 100 s per
/// try) keeps a resident waiting for a minute when storage is down; a queue message is retried by the host anyway,
/// and a resident is better served by a quick 503 and Retry-After than by a long wait. And no request log: the SDK's
/// lines print each URL, which holds a table's keys, and those are references or parts of them (the Functions host
/// also filters <c>Azure.Core</c> out). What fails is logged by our own code, without keys; and the SDK no longer
/// formats events for every request that a filter would only drop (about 2 % of the intake's CPU).
/// </summary>
public static class StorageRetry
{
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(5);

    public static T Apply<T>(T options)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.MaxRetries = 2;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = NetworkTimeout;
        options.Diagnostics.IsLoggingEnabled = false;
        return options;
    }
}
