using Grastorp.Intake.Core.Abuse.RateLimiting;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips.Queue;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.Core.Tips.Store.Progressing;

namespace Grastorp.Intake.Core.Tips.Status;

/// <summary>Answers a resident's "what happened to my tip?" from the receipt and the tip store.</summary>
public sealed class TipStatusService(ReceiptStore receipts, TipProgressStore tips, TipQueues queues, ClientRateLimiter limiter)
{
    /// <summary>
    /// A client's lookup on a public route: counted against the client's lookup limit first
    /// (<see cref="ClientRateLimiter.CountLookup"/>), and refused past it without looking anything up, so
    /// guessing codes gets nowhere.
    /// </summary>
    public async Task<StatusLookup> LookUpAsync(string? reference, ClientOrigin client, CancellationToken cancellationToken)
    {
        var decision = limiter.CountLookup(client);
        if (!decision.Allowed)
        {
            return StatusLookup.TooMany(decision.RetryAfter);
        }

        var status = await FindAsync(reference, cancellationToken).ConfigureAwait(false);
        return status is null ? StatusLookup.NotFound : StatusLookup.Found(status);
    }

    /// <summary>The status, or null for a malformed or unknown reference alike (so neither can be told apart).</summary>
    public async Task<TipStatus?> FindAsync(string? reference, CancellationToken cancellationToken)
    {
        if (!TipReference.TryParse(reference, out var parsed))
        {
            return null;
        }

        var receipt = await receipts.FindAsync(parsed, cancellationToken).ConfigureAwait(false);
        if (receipt is null)
        {
            return null;
        }

        var progress = await tips.ReadProgressAsync(receipt.Partition, parsed.Value, cancellationToken).ConfigureAwait(false);
        if (progress is not null)
        {
            return new TipStatus(progress.Stage, receipt.Partition.Week) { Commitments = progress.Commitments, Reply = progress.Reply };
        }

        // Honest about a tip that will not get further by itself, rather than "received" forever.
        var poisoned = await queues.IsPoisonedAsync(parsed.Value, cancellationToken).ConfigureAwait(false);
        return new TipStatus(poisoned ? TipStatus.NotProcessed : TipStatus.Received, receipt.Partition.Week);
    }
}
