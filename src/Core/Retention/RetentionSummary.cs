namespace Grastorp.Intake.Core.Retention;

/// <summary>What one retention run removed, as counts only: tips whose content went, receipts, poisoned messages, ledger rows, digest files.</summary>
public sealed record RetentionSummary(
    DateTimeOffset Cutoff,
    int TipsCleared,
    int ReceiptsRemoved,
    int PoisonedMessagesRemoved,
    int PoisonLedgerRowsRemoved,
    int DigestFilesRemoved)
{
    /// <summary>Whether any kind reached its per-run limit, so more may be waiting for the next firing.</summary>
    public bool MoreWaiting { get; init; }
}
