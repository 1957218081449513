using Grastorp.Intake.Functions;
using WebJobs = Microsoft.Azure.WebJobs;

namespace Grastorp.Intake.DevHost.Jobs;

/// <summary>The WebJobs timer for <see cref="SendWeeklyDigest"/>, on the same DIGEST_SCHEDULE setting.</summary>
public sealed class DigestTimerJob(SendWeeklyDigest function)
{
    [WebJobs.FunctionName(nameof(SendWeeklyDigest))]
    public Task RunAsync(
        [WebJobs.TimerTrigger("%" + SendWeeklyDigest.ScheduleSetting + "%", RunOnStartup = false)] WebJobs.TimerInfo timer,
        CancellationToken cancellationToken) =>
        function.Run(new Microsoft.Azure.Functions.Worker.TimerInfo { IsPastDue = timer?.IsPastDue ?? false }, cancellationToken);
}
