using Grastorp.Intake.Core.Retention;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// Daily, on a UTC schedule from the RETENTION_SCHEDULE app setting: removes what residents wrote once it is older
/// than Retention:Days. Core bounds each firing and makes a second one harmless.
/// </summary>
public sealed class ApplyRetention(RetentionService retention)
{
    public const string ScheduleSetting = RetentionOptions.ScheduleSetting;

    [Function(nameof(ApplyRetention))]
    public async Task Run(
        [TimerTrigger("%" + ScheduleSetting + "%", RunOnStartup = false)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        _ = timer;
        await retention.RunAsync(cancellationToken);
    }
}
