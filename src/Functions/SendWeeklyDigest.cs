using Grastorp.Intake.Core.Digest.Scheduling;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// Fires on a UTC schedule from the DIGEST_SCHEDULE app setting (hourly over Monday morning); Core decides from
/// Swedish time whether last week's digest is due and makes extra firings harmless.
/// </summary>
public sealed class SendWeeklyDigest(DigestService digests)
{
    public const string ScheduleSetting = DigestSchedule.ScheduleSetting;

    [Function(nameof(SendWeeklyDigest))]
    public async Task Run(
        [TimerTrigger("%" + ScheduleSetting + "%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        _ = timer;
        await digests.RunAsync(cancellationToken);
    }
}
