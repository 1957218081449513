using Azure.Core;

namespace Grastorp.Intake.Core.Storage;

/// <summary>
/// The storage clients' own retry budget. The SDK default (3 retries from 0.8 s, 100 s per try) keeps a resident
/// waiting for a minute when storage is down; a queue message is retried by the host anyway, and a resident is
/// better served by a quick 503 and Retry-After than by a long wait.
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
        return options;
    }
}
