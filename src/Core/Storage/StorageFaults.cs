using System.Net.Sockets;
using Azure;

namespace Grastorp.Intake.Core.Storage;

/// <summary>
/// Tells a storage outage (unreachable, timed out, throttled, failing on its side) from a fault in our own code, so
/// hosts can answer 503 with Retry-After for the first and let the second be what it is.
/// </summary>
public static class StorageFaults
{
    public static bool IsOutage(Exception exception) => exception switch
    {
        // Status 0: no answer at all (refused, reset, DNS); 408/429/5xx: storage answered that it cannot serve now.
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        // The Azure SDK's retry policy gives up with an AggregateException of the attempts' failures.
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsOutage),
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        _ => false,
    };
}
