using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Storage;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Digest.Ledger;

/// <summary>
/// The sent-digest records. A digest is claimed with a conditional insert before it is sent, so two firings or two
/// instances cannot both send it; a claim whose sender died is taken over after <see cref="DigestOptions.ClaimTimeout"/>.
/// The only class that knows the Digests table's row layout: PartitionKey = week, RowKey = recipient list id.
/// </summary>
public sealed class DigestLedger(IntakeTables tables, TimeProvider time, IOptions<DigestOptions> options)
{
    private const int ClaimAttempts = 3;
    private const int ResendAttempts = 5;

    /// <summary>Claims the week's digest for a list, or says why it cannot be claimed.</summary>
    internal async Task<(SentDigestEntity? Claim, ClaimRefusal Refusal)> TryClaimAsync(WeekId week, string listId, CancellationToken cancellationToken)
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

                return (null, ClaimRefusal.InProgress);
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

    /// <summary>
    /// The late-tip cut-off of a sent week: the time it was claimed. The digest reads its tips after the claim, so a
    /// tip classified before it is in that digest and one classified after it is a late tip of the next; using the
    /// sent time instead would lose a tip classified between the read and the confirmation. Null if never sent.
    /// </summary>
    internal async Task<DateTimeOffset?> CutOffAsync(WeekId week, string listId, CancellationToken cancellationToken)
    {
        var record = await FindAsync(week, listId, cancellationToken).ConfigureAwait(false);
        return record?.State == SentDigestEntity.Sent ? record.ClaimedAt : null;
    }

    /// <summary>The weeks from <paramref name="from"/> to <paramref name="to"/> whose digest for the list was sent.</summary>
    internal async Task<IReadOnlySet<WeekId>> SentWeeksAsync(string listId, WeekId from, WeekId to, CancellationToken cancellationToken)
    {
        var table = await tables.DigestsAsync().ConfigureAwait(false);
        // Week ids are zero-padded (2026-W09), so the string order of the partition keys is the order of the weeks.
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from.ToString()} and PartitionKey le {to.ToString()} and RowKey eq {listId}");
        var sent = new HashSet<WeekId>();
        await foreach (var record in table.QueryAsync<SentDigestEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (record.State == SentDigestEntity.Sent && WeekId.TryParse(record.PartitionKey, null, out var week))
            {
                sent.Add(week);
            }
        }

        return sent;
    }

    /// <summary>
    /// Records an operator's resend of a sent week and returns its number (1, 2, …), which gives the resend an
    /// Operation-Id of its own. Null if the week was never sent: the timer sends it, not a resend.
    /// </summary>
    internal async Task<int?> RecordResendAsync(WeekId week, string listId, CancellationToken cancellationToken)
    {
        var table = await tables.DigestsAsync().ConfigureAwait(false);
        for (var attempt = 1; attempt <= ResendAttempts; attempt++)
        {
            var record = await FindAsync(week, listId, cancellationToken).ConfigureAwait(false);
            if (record?.State != SentDigestEntity.Sent)
            {
                return null;
            }

            record.Resends++;
            record.LastResentAt = time.GetUtcNow();
            try
            {
                await table.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return record.Resends;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another resend numbered itself first: read again and take the next number.
            }
        }

        throw new InvalidOperationException($"The resend of {week} for {listId} could not be recorded after {ResendAttempts} attempts; try again.");
    }

    private async Task<SentDigestEntity?> FindAsync(WeekId week, string listId, CancellationToken cancellationToken)
    {
        var table = await tables.DigestsAsync().ConfigureAwait(false);
        var record = await table.GetEntityIfExistsAsync<SentDigestEntity>(week.ToString(), listId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return record.HasValue ? record.Value : null;
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

    private async Task<(SentDigestEntity? Claim, ClaimRefusal Refusal)> TakeOverIfStaleAsync(
        TableClient table, SentDigestEntity claim, SentDigestEntity existing, CancellationToken cancellationToken)
    {
        if (existing.State == SentDigestEntity.Sent)
        {
            return (null, ClaimRefusal.AlreadySent);
        }

        if (time.GetUtcNow() - existing.ClaimedAt < options.Value.ClaimTimeout)
        {
            return (null, ClaimRefusal.InProgress);
        }

        try
        {
            var taken = await table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            claim.ETag = taken.Headers.ETag ?? default;
            return (claim, default);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return (null, ClaimRefusal.InProgress);
        }
    }
}
