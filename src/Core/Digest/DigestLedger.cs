using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Storage;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Digest;

/// <summary>
/// The sent-digest records. A digest is claimed with a conditional insert before it is sent, so two firings or two
/// instances cannot both send it; a claim whose sender died is taken over after <see cref="DigestOptions.ClaimTimeout"/>.
/// </summary>
public sealed class DigestLedger(IntakeTables tables, TimeProvider time, IOptions<DigestOptions> options)
{
    private const int ClaimAttempts = 3;

    /// <summary>Claims the week's digest for a list, or says why it cannot be claimed.</summary>
    internal async Task<(SentDigestEntity? Claim, DigestOutcome Refusal)> TryClaimAsync(WeekId week, string listId, CancellationToken cancellationToken)
    {
        var table = await tables.DigestsAsync().ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var claim = new SentDigestEntity { PartitionKey = week.ToString(), RowKey = listId, State = SentDigestEntity.Sending, ClaimedAt = time.GetUtcNow() };
            if (await TryAddAsync(table, claim, cancellationToken).ConfigureAwait(false))
            {
                return (claim, default);
            }

            var existing = await table.GetEntityIfExistsAsync<SentDigestEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!existing.HasValue)
            {
                // Released between our insert and our read: claim again, a bounded number of times.
                if (attempt < ClaimAttempts)
                {
                    continue;
                }

                return (null, DigestOutcome.InProgress);
            }

            return await TakeOverIfStaleAsync(table, claim, existing.Value!, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records the digest as sent. False if another instance took the claim over meanwhile.</summary>
    internal async Task<bool> MarkSentAsync(SentDigestEntity claim, int tips, CancellationToken cancellationToken)
    {
        var table = await tables.DigestsAsync().ConfigureAwait(false);
        claim.State = SentDigestEntity.Sent;
        claim.SentAt = time.GetUtcNow();
        claim.Tips = tips;
        try
        {
            await table.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>When the week's digest for a list was sent, or null if it never was.</summary>
    internal async Task<DateTimeOffset?> SentAtAsync(WeekId week, string listId, CancellationToken cancellationToken)
    {
        var table = await tables.DigestsAsync().ConfigureAwait(false);
        var record = await table.GetEntityIfExistsAsync<SentDigestEntity>(week.ToString(), listId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return record.HasValue && record.Value!.State == SentDigestEntity.Sent ? record.Value.SentAt : null;
    }

    /// <summary>Gives a claim back after a failed send, so the next firing tries again instead of waiting out the timeout.</summary>
    internal async Task ReleaseAsync(SentDigestEntity claim)
    {
        var table = await tables.DigestsAsync().ConfigureAwait(false);
        await table.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, claim.ETag, CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task<bool> TryAddAsync(TableClient table, SentDigestEntity claim, CancellationToken cancellationToken)
    {
        try
        {
            var added = await table.AddEntityAsync(claim, cancellationToken).ConfigureAwait(false);
            claim.ETag = added.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private async Task<(SentDigestEntity? Claim, DigestOutcome Refusal)> TakeOverIfStaleAsync(
        TableClient table, SentDigestEntity claim, SentDigestEntity existing, CancellationToken cancellationToken)
    {
        if (existing.State == SentDigestEntity.Sent)
        {
            return (null, DigestOutcome.AlreadySent);
        }

        if (time.GetUtcNow() - existing.ClaimedAt < options.Value.ClaimTimeout)
        {
            return (null, DigestOutcome.InProgress);
        }

        try
        {
            var taken = await table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            claim.ETag = taken.Headers.ETag ?? default;
            return (claim, default);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return (null, DigestOutcome.InProgress);
        }
    }
}
