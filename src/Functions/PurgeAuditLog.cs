using Grastorp.Intake.Core.Staff.Audit;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>Nightly (03:15 UTC): removes audit log entries older than the retention period (Audit:RetentionDays).</summary>
public sealed class PurgeAuditLog(AuditLog audit)
{
    [Function(nameof(PurgeAuditLog))]
    public async Task Run([TimerTrigger("0 15 3 * * *", RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken)
    {
        _ = timer;
        await audit.PurgeAsync(cancellationToken);
    }
}
