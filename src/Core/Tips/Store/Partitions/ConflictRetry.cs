using Azure;
using Polly;
using Polly.Retry;

namespace Grastorp.Intake.Core.Tips.Store.Partitions;

/// <summary>
/// The retry every partition transaction of the tips table runs under: a 409 (a row added meanwhile) or a 412 (an
/// ETag that moved) means another writer got there first, so the whole read-and-write starts over from a fresh read.
/// </summary>
internal static class ConflictRetry
{
    public static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RequestFailedException>(e => e.Status is 409 or 412),
            MaxRetryAttempts = 30,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromSeconds(1),
        })
        .Build();
}
