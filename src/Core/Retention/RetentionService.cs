using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Digest.Delivery;
using Grastorp.Intake.Core.Poisoning;
using Grastorp.Intake.Core.Tips.Queue;
using Grastorp.Intake.Core.Tips.Receipts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Grastorp.Intake.Core.Tips.Store.Removal;

namespace Grastorp.Intake.Core.Retention;

/// <summary>
/// The daily retention rule (gallring): what a resident wrote goes once it is older than <see cref="RetentionOptions.Days"/>,
/// while the week, kind, themes, commitment links and the anonymous counters stay, so statistics never move.
/// Each owner removes its own rows; every step is bounded and idempotent, so a second firing (timers can fire twice)
/// finds nothing left to do, and a firing that stops half-way is finished by the next.
/// </summary>
public sealed partial class RetentionService(
    TipContentRemover tips,
    ReceiptStore receipts,
    PoisonLedger poisonLedger,
    TipQueues queues,
    PickupDirectoryDigestSender pickup,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger)
{
    /// <summary>Everything older than <c>now − Days</c> (by when the tip was received, or the item written) is removed.</summary>
    public DateTimeOffset Cutoff => time.GetUtcNow().AddDays(-options.Value.Days);

    public async Task<RetentionSummary> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = Cutoff;
        var limit = options.Value.MaxPerRun;
        // The tips first: once their content is gone, nothing else can lead back to it.
        var cleared = await tips.RemoveContentAsync(cutoff, limit, cancellationToken).ConfigureAwait(false);
        var receiptsRemoved = await receipts.RemoveOlderThanAsync(cutoff, limit, cancellationToken).ConfigureAwait(false);
        var poisoned = await queues.RemovePoisonedOlderThanAsync(cutoff, limit, cancellationToken).ConfigureAwait(false);
        var ledger = await poisonLedger.RemoveOlderThanAsync(cutoff, limit, cancellationToken).ConfigureAwait(false);
        var files = pickup.RemoveOlderThan(cutoff, limit);
        var summary = new RetentionSummary(cutoff, cleared, receiptsRemoved, poisoned, ledger, files)
        {
            MoreWaiting = new[] { cleared, receiptsRemoved, poisoned, ledger, files }.Any(n => n >= limit),
        };
        LogRun(logger, options.Value.Days, cleared, receiptsRemoved, poisoned, ledger, files, summary.MoreWaiting);
        return summary;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention ({Days} days): {Tips} tips cleared, {Receipts} receipts, {Poisoned} poisoned messages, {LedgerRows} poison ledger rows, {Files} digest files removed; more waiting: {MoreWaiting}")]
    private static partial void LogRun(ILogger logger, int days, int tips, int receipts, int poisoned, int ledgerRows, int files, bool moreWaiting);
}
