using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.Core.Tips.Receipts;

/// <summary>
/// The only owner of the receipts table: one row per reference, written at intake, holding nothing the resident
/// wrote. It lets a resident ask about a tip before it is classified, with point reads only.
/// </summary>
public sealed class ReceiptStore
{
    /// <summary>A transaction is not owned by any one request, so it has a budget of its own: the intake's storage budget.</summary>
    private static readonly TimeSpan TransactionBudget = TimeSpan.FromSeconds(3);

    /// <summary>A 409 means a drawn reference was taken; each attempt draws only that one again, so 3 is plenty.</summary>
    private const int CommitAttempts = 3;

    private readonly IntakeTables _tables;
    private readonly TimeProvider _time;
    private readonly Func<string, TipReference> _draw;
    private readonly ReceiptGroupCommit _writer;

    public ReceiptStore(IntakeTables tables, TimeProvider time)
        : this(tables, time, Draw)
    {
    }

    /// <summary>With the draw of references in a shard given, so a test can make one collide.</summary>
    internal ReceiptStore(IntakeTables tables, TimeProvider time, Func<string, TipReference> draw)
    {
        _tables = tables;
        _time = time;
        _draw = draw;
        _writer = new ReceiptGroupCommit(CommitAsync);
    }

    /// <summary>
    /// Draws a new reference and records its receipt, together with the receipts of other tips arriving at the same
    /// time (one transaction); returns once the receipt is committed, so a status check right after finds it. A
    /// reference already taken is drawn again.
    /// </summary>
    public Task<TipReference> IssueAsync(TipPartition partition, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        _writer.IssueAsync(partition, receivedAt, cancellationToken);

    /// <summary>Removes a receipt whose tip never reached the queue, so it cannot claim the tip was received.</summary>
    public async Task WithdrawAsync(TipReference reference, CancellationToken cancellationToken)
    {
        var receipts = await _tables.ReceiptsAsync().ConfigureAwait(false);
        await receipts.DeleteEntityAsync(TipReceiptEntity.ShardOf(reference), reference.Value, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Retention: removes at most <paramref name="limit"/> receipts of tips received before <paramref name="cutoff"/>,
    /// so their references no longer confirm that a tip was sent (the status page then answers as for an unknown
    /// code). A receipt already gone counts for nothing, so a second run changes nothing.
    /// </summary>
    public async Task<int> RemoveOlderThanAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var receipts = await _tables.ReceiptsAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"ReceivedAt lt {cutoff}");
        var expired = new List<(string Shard, string Reference)>();
        await foreach (var row in receipts.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(1000, limit), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            expired.Add((row.PartitionKey, row.RowKey));
            if (expired.Count == limit)
            {
                break;
            }
        }

        var removed = 0;
        // Receipts written together share a shard, so one transaction per shard (up to 100) deletes most of them.
        foreach (var shard in expired.GroupBy(e => e.Shard, StringComparer.Ordinal))
        {
            foreach (var chunk in shard.Select(e => e.Reference).Chunk(ReceiptGroupCommit.MaxBatch))
            {
                removed += await DeleteAsync(receipts, shard.Key, [.. chunk], cancellationToken).ConfigureAwait(false);
            }
        }

        return removed;
    }

    /// <summary>The receipt of a reference, or null if there is none (or it is unreadable).</summary>
    public async Task<Receipt?> FindAsync(TipReference reference, CancellationToken cancellationToken)
    {
        var receipts = await _tables.ReceiptsAsync().ConfigureAwait(false);
        var found = await receipts.GetEntityIfExistsAsync<TipReceiptEntity>(TipReceiptEntity.ShardOf(reference), reference.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || !WeekId.TryParse(found.Value!.Week, null, out var week) || !found.Value.TipPartition.EndsWith("-" + found.Value.Week, StringComparison.Ordinal))
        {
            return null;
        }

        var municipality = found.Value.TipPartition[..^(found.Value.Week.Length + 1)];
        return new Receipt(reference, new TipPartition(municipality, week), found.Value.ReceivedAt);
    }

    /// <summary>
    /// Writes a batch of receipts in one transaction, in a shard drawn for it: each receipt's reference is the shard
    /// and random characters. A 409 (a drawn reference already taken) names the entry; only it draws again.
    /// </summary>
    private async Task CommitAsync(IReadOnlyList<IPendingReceipt> batch)
    {
        var shard = TipReceiptEntity.ShardOf(_draw(string.Empty));
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pending in batch)
        {
            pending.Reference = DrawUnique(shard, taken);
        }

        var receipts = await _tables.ReceiptsAsync().ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var budget = new CancellationTokenSource(TransactionBudget, _time);
                await receipts.SubmitTransactionAsync(
                    batch.Select(p => new TableTransactionAction(TableTransactionActionType.Add, TipReceiptEntity.For(p.Reference, p.Partition, p.ReceivedAt))),
                    budget.Token).ConfigureAwait(false);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex is { } index && index < batch.Count && attempt < CommitAttempts)
            {
                // The transaction wrote nothing; the others keep their references.
                taken.Remove(batch[index].Reference.Value);
                batch[index].Reference = DrawUnique(shard, taken);
            }
        }
    }

    private TipReference DrawUnique(string shard, HashSet<string> taken)
    {
        // Bounded: 2^40 references per shard against at most 100 taken.
        for (var i = 0; i < 64; i++)
        {
            var reference = _draw(shard);
            if (taken.Add(reference.Value))
            {
                return reference;
            }
        }

        throw new InvalidOperationException("No free reference could be drawn in the shard.");
    }

    /// <summary>
    /// Deletes receipts of one shard in one transaction. One already gone (404) fails the whole transaction, so it is
    /// left out and the rest sent again: each turn drops one, so at most as many turns as receipts.
    /// </summary>
    private static async Task<int> DeleteAsync(TableClient receipts, string shard, List<string> references, CancellationToken cancellationToken)
    {
        while (references.Count > 0)
        {
            try
            {
                await receipts.SubmitTransactionAsync(
                    references.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(shard, r), ETag.All)),
                    cancellationToken).ConfigureAwait(false);
                return references.Count;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedTransactionActionIndex is { } index && index < references.Count)
            {
                references.RemoveAt(index);
            }
        }

        return 0;
    }

    /// <summary>
    /// A fresh reference in <paramref name="shard"/>: its characters first, random ones up to the reference's length
    /// (no shard: 10 random characters).
    /// </summary>
    /// <remarks>
    /// Sharing a shard leaves 8 random characters (40 bits) to a reference, and that is still too many to guess. The
    /// shard is itself drawn at random per transaction, so over all receipts a reference still carries 50 random bits;
    /// knowing one's own reference tells only that tips sent in the same instant share its first two characters. A
    /// guess within that shard hits with a chance of (receipts in the shard) / 2^40: even if all of a year's receipts
    /// (thousands for three small municipalities) were in one shard, 10,000 / 1.1 × 10^12 ≈ 1 in 110 million per guess,
    /// which is the same chance as a guess over all 2^50 references against 1,024 times as many receipts.
    /// </remarks>
    private static TipReference Draw(string shard)
    {
        var fresh = TipReference.New().Value;
        return TipReference.TryParse(string.Concat(shard, fresh.AsSpan(shard.Length)), out var reference)
            ? reference
            : throw new ArgumentException("A shard is characters of a reference.", nameof(shard));
    }
}
