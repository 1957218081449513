using Grastorp.Intake.Core.Abuse.RateLimiting;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>Nightly (00:05 UTC, just after the client keys change): deletes the rate limits' counter rows of past days.</summary>
public sealed class PurgeRateLimits(ClientRateLimiter limiter)
{
    [Function(nameof(PurgeRateLimits))]
    public async Task Run([TimerTrigger("0 5 0 * * *", RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken)
    {
        _ = timer;
        await limiter.PurgeExpiredAsync(cancellationToken);
    }
}
