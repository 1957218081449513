using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.Core.Tips.Receipts;

/// <summary>
/// The only owner of the receipts table: every tip's receipt, written at intake, holding nothing the resident wrote.
/// It lets a resident ask about a tip before it is classified, with one point read. Receipts are written by group
/// commit, one row per batch (<see cref="ReceiptBatchRow"/>).
/// </summary>
public sealed class ReceiptStore
{
    /// <summary>A batch's write is not owned by any one request, so it has a budget of its own: the intake's storage budget.</summary>
    private static readonly TimeSpan CommitBudget = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A 409 means the batch key drawn was taken: (rows in the table) / 2^20 per write, about 1 in 100 with a year of
    /// 10,000 rows; three in a row, 1 in a million. Three attempts are plenty.
    /// </summary>
    private const int CommitAttempts = 3;

    /// <summary>Table Storage's limit for one entity-group transaction.</summary>
    private const int TransactionLimit = 100;

    private readonly IntakeTables _tables;
    private readonly TimeProvider _time;
    private readonly Func<string, TipReference> _draw;
    private readonly ReceiptGroupCommit _writer;

    public ReceiptStore(IntakeTables tables, TimeProvider time)
        : this(tables, time, Draw)
    {
    }

    /// <summary>With the draw of references given (for a prefix, a reference that starts with it), so a test can make batch keys collide.</summary>
    internal ReceiptStore(IntakeTables tables, TimeProvider time, Func<string, TipReference> draw)
    {
        _tables = tables;
        _time = time;
        _draw = draw;
        _writer = new ReceiptGroupCommit(CommitAsync);
    }

    /// <summary>
    /// Draws a new reference and records its receipt, together with the receipts of other tips arriving at the same
    /// time (one row); returns once the receipt is committed, so a status check right after finds it. A
    /// reference already taken is drawn again.
    /// </summary>
    public Task<TipReference> IssueAsync(TipPartition partition, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        _writer.IssueAsync(partition, receivedAt, cancellationToken);

    /// <summary>
    /// Empties a receipt whose tip never reached the queue, so it cannot claim the tip was received; the other
    /// receipts of its batch stay. (A merge of its two properties: nothing else of the row is read or written.)
    /// </summary>
    public async Task WithdrawAsync(TipReference reference, CancellationToken cancellationToken)
    {
        var receipts = await _tables.ReceiptsAsync().ConfigureAwait(false);
        await receipts.UpdateEntityAsync(ReceiptBatchRow.Withdrawn(reference), ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Retention: removes the batches of receipts received before <paramref name="cutoff"/>, so their references no
    /// longer confirm that a tip was sent (the status page then answers as for an unknown code). A run stops at the
    /// first batch that brings the receipts to <paramref name="limit"/>, or at <paramref name="limit"/> rows (rows
    /// whose receipts were all withdrawn hold none), so it removes at most one batch (99 receipts) more than the limit.
    /// Returns how many receipts went; a batch already gone counts for nothing, so a second run changes nothing.
    /// </summary>
    public async Task<int> RemoveOlderThanAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var receipts = await _tables.ReceiptsAsync().ConfigureAwait(false);
        // The property's name is written out: CreateQueryFilter would quote an interpolated one as a value.
        var filter = TableClient.CreateQueryFilter($"ReceivedAt lt {cutoff}");
        var expired = new List<(string Shard, string Batch, int Receipts)>();
        var counted = 0;
        await foreach (var row in receipts.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(1000, limit), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var held = ReceiptBatchRow.ReceiptsIn(row);
            expired.Add((row.PartitionKey, row.RowKey, held));
            counted += held;
            if (counted >= limit || expired.Count == limit)
            {
                break;
            }
        }

        var removed = 0;
        // Batches of one shard go in one transaction (up to 100 rows); most shards hold one expired batch.
        foreach (var shard in expired.GroupBy(e => e.Shard, StringComparer.Ordinal))
        {
            foreach (var chunk in shard.Chunk(TransactionLimit))
            {
                removed += await DeleteAsync(receipts, shard.Key, [.. chunk.Select(b => (b.Batch, b.Receipts))], cancellationToken).ConfigureAwait(false);
            }
        }

        return removed;
    }

    /// <summary>The receipt of a reference, or null if there is none (or it was withdrawn, or is unreadable).</summary>
    public async Task<Receipt?> FindAsync(TipReference reference, CancellationToken cancellationToken)
    {
        var receipts = await _tables.ReceiptsAsync().ConfigureAwait(false);
        string[] properties = [ReceiptBatchRow.PartitionProperty(reference), ReceiptBatchRow.ArrivedProperty(reference)];
        var found = await receipts.GetEntityIfExistsAsync<TableEntity>(ReceiptBatchRow.ShardOf(reference), ReceiptBatchRow.BatchOf(reference), properties, cancellationToken).ConfigureAwait(false);
        return found.HasValue
            && TipPartition.TryParse(found.Value!.GetString(properties[0]), out var partition)
            && found.Value.GetDateTimeOffset(properties[1]) is { } receivedAt
            ? new Receipt(reference, partition, receivedAt)
            : null;
    }

    /// <summary>
    /// Writes a batch of receipts as one row, under a batch key drawn for it: each receipt's reference is the batch
    /// key and characters of its own. A 409 (the batch key already taken) draws the key, and so every reference, again.
    /// </summary>
    private async Task CommitAsync(IReadOnlyList<IPendingReceipt> batch)
    {
        var receipts = await _tables.ReceiptsAsync().ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var key = ReceiptBatchRow.BatchOf(_draw(string.Empty));
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pending in batch)
            {
                pending.Reference = DrawUnique(key, taken);
            }

            try
            {
                using var budget = new CancellationTokenSource(CommitBudget, _time);
                await receipts.AddEntityAsync(ReceiptBatchRow.For(batch), budget.Token).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.ErrorCode == TableErrorCode.EntityAlreadyExists.ToString() && attempt < CommitAttempts)
            {
                // The whole batch moves to a fresh key. Usually the key was another batch's; if the SDK retried an
                // insert whose answer was lost, it was this batch's own, and that row is left holding receipts no one
                // was given (harmless: retention removes it with the others).
            }
        }
    }

    private TipReference DrawUnique(string batchKey, HashSet<string> taken)
    {
        // Bounded: 2^25 references per batch key against at most 100 taken.
        for (var i = 0; i < 64; i++)
        {
            var reference = _draw(batchKey);
            if (taken.Add(reference.Value))
            {
                return reference;
            }
        }

        throw new InvalidOperationException("No free reference could be drawn under the batch key.");
    }

    /// <summary>
    /// Deletes batches of one shard in one transaction and returns how many receipts they held. One already gone (404)
    /// fails the whole transaction, so it is left out and the rest sent again: each turn drops one, so at most as many
    /// turns as batches.
    /// </summary>
    private static async Task<int> DeleteAsync(TableClient receipts, string shard, List<(string Batch, int Receipts)> batches, CancellationToken cancellationToken)
    {
        while (batches.Count > 0)
        {
            try
            {
                await receipts.SubmitTransactionAsync(
                    batches.Select(b => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(shard, b.Batch), ETag.All)),
                    cancellationToken).ConfigureAwait(false);
                return batches.Sum(b => b.Receipts);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedTransactionActionIndex is { } index && index < batches.Count)
            {
                batches.RemoveAt(index);
            }
        }

        return 0;
    }

    /// <summary>
    /// A fresh reference that starts with <paramref name="prefix"/>: its characters first, random ones up to the
    /// reference's length (no prefix: 10 random characters).
    /// </summary>
    /// <remarks>
    /// The batch key is drawn at random (20 bits) and each reference adds 6 random characters of its own (30 bits), so
    /// a blind guess hits a real receipt with a chance of (receipts) / 2^50: for a year of tips in three small
    /// municipalities (thousands), 10,000 / 1.1 × 10^15 ≈ 1 in 10^11 per guess. Someone who holds a reference knows
    /// its batch key, and only tips sent in the same instant share it (at this service's traffic nearly every batch
    /// holds one receipt): for those, a guess hits with (receipts in the batch − 1) / 2^30, at most 99 / 1.07 × 10^9
    /// ≈ 1 in 10.8 million, and trying all of a batch's takes 2^30 requests. The status routes count every lookup
    /// (and the receipt routes; <c>ClientRateLimiter</c>, by default 20 in ten minutes on each instance, so 2,880 a day):
    /// about 1,000 years per address and instance.
    /// </remarks>
    private static TipReference Draw(string prefix)
    {
        var fresh = TipReference.New().Value;
        return TipReference.TryParse(string.Concat(prefix, fresh.AsSpan(prefix.Length)), out var reference)
            ? reference
            : throw new ArgumentException("A prefix is characters of a reference.", nameof(prefix));
    }
}
