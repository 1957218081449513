using Grastorp.Intake.Core.FollowUp;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>
/// Daily (00:30 UTC, after Monday 00:00 Swedish time in summer and in winter): counts the completed weeks into the
/// public follow-up's snapshot, so the pages, the JSON and the feed publish no running week and take in
/// corrections of earlier weeks once a day.
/// </summary>
public sealed class RefreshFollowUp(FollowUpService followUp)
{
    [Function(nameof(RefreshFollowUp))]
    public async Task Run([TimerTrigger("0 30 0 * * *", RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken)
    {
        _ = timer;
        await followUp.RefreshAsync(cancellationToken);
    }
}
