using Azure;
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
    /// <summary>Claims the week's digest for a list, or says why it cannot be claimed.</summary>
    internal async Task<(SentDigestEntity? Claim, DigestOutcome Refusal)> TryClaimAsync(WeekId week, string listId, CancellationToken cancellationToken)
    {
        var table = await tables.DigestsAsync().ConfigureAwait(false);
        var claim = new SentDigestEntity { PartitionKey = week.ToString(), RowKey = listId, State = SentDigestEntity.Sending, ClaimedAt = time.GetUtcNow() };
        try
        {
            var added = await table.AddEntityAsync(claim, cancellationToken).ConfigureAwait(false);
            claim.ETag = added.Headers.ETag ?? default;
            return (claim, default);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        var existing = (await table.GetEntityAsync<SentDigestEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
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
            var taken = await table.UpdateEntityAsync(claim, existing.ETag, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            claim.ETag = taken.Headers.ETag ?? default;
            return (claim, default);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return (null, DigestOutcome.InProgress);
        }
    }

    internal async Task MarkSentAsync(SentDigestEntity claim, int tips, CancellationToken cancellationToken)
    {
        var table = await tables.DigestsAsync().ConfigureAwait(false);
        claim.State = SentDigestEntity.Sent;
        claim.SentAt = time.GetUtcNow();
        claim.Tips = tips;
        await table.UpdateEntityAsync(claim, ETag.All, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives a claim back after a failed send, so the next firing tries again instead of waiting out the timeout.</summary>
    internal async Task ReleaseAsync(SentDigestEntity claim)
    {
        var table = await tables.DigestsAsync().ConfigureAwait(false);
        await table.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, claim.ETag, CancellationToken.None).ConfigureAwait(false);
    }
}
