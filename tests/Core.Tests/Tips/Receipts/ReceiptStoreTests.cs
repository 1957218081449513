using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Receipts;
using Grastorp.Intake.TestKit;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.Core.Tests.Tips.Receipts;

/// <summary>
/// Group commit of receipts against Azurite, one row per batch: the writes the store sends are counted (and the first
/// one held back when a test needs receipts to wait behind it) by a policy in the storage client's own pipeline.
/// </summary>
public sealed class ReceiptStoreTests
{
    // One account for the class, a table per test: the assembly's accounts are few.
    private static readonly string Connection = AzuriteAccounts.NewConnectionString();

    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 26, 14, 0, 0, TimeSpan.FromHours(1));
    private static readonly TipPartition Partition = TipPartition.Of("vara", ReceivedAt);

    // The fake clock never moves, so a write's own budget never cuts a test's held write short.
    private readonly FakeTimeProvider _time = new(ReceivedAt);
    private readonly WriteCounter _counter = new();
    private readonly string _table = "Receipts" + Guid.NewGuid().ToString("N")[..12];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ReceiptStore Store(Func<string, TipReference>? draw = null, string? connection = null)
    {
        var options = StorageRetry.Apply(new TableClientOptions());
        options.AddPolicy(_counter, HttpPipelinePosition.PerCall);
        var tables = new IntakeTables(new TableServiceClient(connection ?? Connection, options), Options.Create(new StorageOptions { ReceiptsTable = _table }));
        return draw is null ? new ReceiptStore(tables, _time) : new ReceiptStore(tables, _time, draw);
    }

    private async Task<List<TableEntity>> RowsAsync() =>
        await new TableClient(Connection, _table).QueryAsync<TableEntity>(cancellationToken: Token).ToListAsync(Token);

    /// <summary>
    /// References in the order given, whatever prefix is asked for: per batch, the first five characters of one are
    /// its key, then one per receipt (which must start with that key). A test decides which batch key collides.
    /// </summary>
    private static Func<string, TipReference> Scripted(params string[] references)
    {
        var next = new ConcurrentQueue<string>(references);
        return _ => next.TryDequeue(out var value) && TipReference.TryParse(value, out var reference) ? reference : throw new InvalidOperationException("The script ran out of references.");
    }

    /// <summary>
    /// One receipt whose write is held until <paramref name="count"/> more have joined the open batch behind it, so
    /// those share the next write.
    /// </summary>
    private async Task<(Task<TipReference> First, List<Task<TipReference>> Behind)> IssueBehindAHeldWriteAsync(ReceiptStore store, int count)
    {
        _counter.HoldFirst();
        var first = store.IssueAsync(Partition, ReceivedAt, Token);
        await _counter.FirstEntered.WaitAsync(Token);
        var behind = Enumerable.Range(0, count).Select(_ => store.IssueAsync(Partition, ReceivedAt, Token)).ToList();
        _counter.Release();
        return (first, behind);
    }

    [Fact]
    public async Task Many_receipts_issued_at_once_go_in_few_rows_and_each_is_found()
    {
        var store = Store();

        var references = await Task.WhenAll(Enumerable.Range(0, 250).Select(_ => store.IssueAsync(Partition, ReceivedAt, Token)));

        Assert.Equal(250, references.Select(r => r.Value).Distinct().Count());
        Assert.All(references, r => Assert.Equal(TipReference.Length, r.Value.Length));
        // At most 100 per row, so at least 3 writes; a row is one batch key, the first four characters of its references.
        Assert.InRange(_counter.Writes, 3, 12);
        Assert.Equal(_counter.Writes, references.Select(r => r.Value[..4]).Distinct().Count());
        Assert.Equal(_counter.Writes, (await RowsAsync()).Count);
        foreach (var reference in references)
        {
            Assert.Equal(new Receipt(reference, Partition, ReceivedAt), await store.FindAsync(reference, Token));
        }
    }

    [Fact]
    public async Task A_lone_receipt_is_committed_at_once_in_a_row_of_its_own()
    {
        var store = Store();

        var reference = await store.IssueAsync(Partition, ReceivedAt, Token);

        Assert.Equal(1, _counter.Writes);
        Assert.NotNull(await store.FindAsync(reference, Token));
        // Unknown, in the same batch or not, looks like nothing at all.
        Assert.Null(await store.FindAsync(TipReference.New(), Token));
        Assert.True(TipReference.TryParse(reference.Value[..4] + "ZZZZZZ", out var neighbour));
        Assert.Null(await store.FindAsync(neighbour, Token));
    }

    [Fact]
    public async Task A_batch_key_already_taken_moves_the_whole_batch_to_a_fresh_key()
    {
        var store = Store(Scripted(
            "AB12000000", "AB12345678",
            "AB12999999", "AB12111111", "AB12222222", "AB12333333",
            "CD55000000", "CD55111111", "CD55222222", "CD55333333"));
        var (first, waiting) = await IssueBehindAHeldWriteAsync(store, 3);

        Assert.Equal("AB12345678", (await first).Value);
        var references = (await Task.WhenAll(waiting)).Select(r => r.Value).ToList();
        Assert.Equal(["CD55111111", "CD55222222", "CD55333333"], references);
        Assert.Equal(3, _counter.Writes); // the first, the one that failed on 409, the one sent again
        Assert.Equal(["AB12", "CD55"], (await RowsAsync()).Select(r => r.RowKey).Order());
        // The first batch's row was not touched by the one that collided with it.
        Assert.True(TipReference.TryParse("AB12111111", out var lost));
        Assert.Null(await store.FindAsync(lost, Token));
        Assert.Equal(new Receipt(await first, Partition, ReceivedAt), await store.FindAsync(await first, Token));
    }

    [Fact]
    public async Task A_batch_that_keeps_colliding_fails_every_receipt_in_it_and_the_next_still_goes_through()
    {
        var store = Store(Scripted([
            "AB12000000", "AB12345678",
            "AB12000000", "AB12111111", "AB12222222",
            "AB12000000", "AB12111111", "AB12222222",
            "AB12000000", "AB12111111", "AB12222222",
            "CD55000000", "CD55555555"]));
        var (first, doomed) = await IssueBehindAHeldWriteAsync(store, 2);
        await first;

        foreach (var receipt in doomed)
        {
            var failure = await Assert.ThrowsAsync<RequestFailedException>(() => receipt);
            Assert.Equal(409, failure.Status);
        }

        Assert.Equal("CD55555555", (await store.IssueAsync(Partition, ReceivedAt, Token)).Value);
        Assert.Equal(["AB12", "CD55"], (await RowsAsync()).Select(r => r.RowKey).Order());
    }

    [Fact]
    public async Task With_storage_down_every_receipt_of_the_batch_fails_as_an_outage_and_none_is_left_waiting()
    {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        var store = Store(connection: "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Convert.ToBase64String(new byte[64]) + ";TableEndpoint=http://127.0.0.1:9/devstoreaccount1;");

        var receipts = Enumerable.Range(0, 5).Select(_ => store.IssueAsync(Partition, ReceivedAt, Token)).ToList();
        var later = store.IssueAsync(Partition, ReceivedAt, Token);

        foreach (var receipt in receipts.Append(later))
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => receipt.WaitAsync(TimeSpan.FromSeconds(60), Token));
            Assert.True(StorageFaults.IsOutage(failure), failure.GetType().Name);
        }
    }

    [Fact]
    public async Task A_cancelled_receipt_leaves_the_open_batch_at_once_and_is_never_written()
    {
        var store = Store();
        _counter.HoldFirst();
        var first = store.IssueAsync(Partition, ReceivedAt, Token);
        await _counter.FirstEntered.WaitAsync(Token);
        using var cancel = new CancellationTokenSource();
        var cancelled = store.IssueAsync(Partition, ReceivedAt, cancel.Token);

        await cancel.CancelAsync();

        // Gone while the write ahead of it is still held: it waited for nothing.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(first.IsCompleted);
        _counter.Release();
        var kept = await first;
        var next = await store.IssueAsync(Partition, ReceivedAt, Token);
        Assert.Equal(2, _counter.Writes);
        Assert.Equal([kept.Value[..4], next.Value[..4]], (await RowsAsync()).Select(r => r.RowKey).OrderBy(k => k == kept.Value[..4] ? 0 : 1));
    }

    [Fact]
    public async Task Retention_removes_batch_rows_in_transactions_per_shard_counts_their_receipts_and_a_second_run_changes_nothing()
    {
        var store = Store();
        var old = await Task.WhenAll(Enumerable.Range(0, 150).Select(_ => store.IssueAsync(Partition, ReceivedAt, Token)));
        var recent = await store.IssueAsync(Partition, ReceivedAt.AddDays(2), Token);
        // Rows of one shard (the first two characters) are deleted in one transaction of up to 100.
        var deletes = old.GroupBy(r => r.Value[..2]).Sum(shard => (shard.Select(r => r.Value[..4]).Distinct().Count() + 99) / 100);

        var removed = await store.RemoveOlderThanAsync(ReceivedAt.AddDays(1), 1000, Token);

        Assert.Equal(150, removed);
        Assert.Equal(deletes, _counter.Transactions);
        foreach (var reference in old)
        {
            Assert.Null(await store.FindAsync(reference, Token));
        }

        Assert.NotNull(await store.FindAsync(recent, Token));
        Assert.Equal(0, await store.RemoveOlderThanAsync(ReceivedAt.AddDays(1), 1000, Token));
    }

    [Fact]
    public async Task Retention_stops_at_the_first_batch_that_reaches_its_limit()
    {
        var store = Store();
        // One after the other: a row each.
        for (var i = 0; i < 30; i++)
        {
            await store.IssueAsync(Partition, ReceivedAt, Token);
        }

        Assert.Equal(12, await store.RemoveOlderThanAsync(ReceivedAt.AddDays(1), 12, Token));
        Assert.Equal(18, (await RowsAsync()).Count);
    }

    [Fact]
    public async Task Retention_takes_a_whole_batch_even_past_its_limit_and_counts_what_it_held()
    {
        var store = Store();
        // A recent receipt whose write is held, and five old ones behind it in one row.
        _counter.HoldFirst();
        var recent = store.IssueAsync(Partition, ReceivedAt.AddDays(2), Token);
        await _counter.FirstEntered.WaitAsync(Token);
        var old = Enumerable.Range(0, 5).Select(_ => store.IssueAsync(Partition, ReceivedAt, Token)).ToList();
        _counter.Release();
        await Task.WhenAll(old.Append(recent));

        Assert.Equal(5, await store.RemoveOlderThanAsync(ReceivedAt.AddDays(1), 3, Token));
        Assert.Equal((await recent).Value[..4], Assert.Single(await RowsAsync()).RowKey);
    }

    [Fact]
    public async Task Retention_of_rows_whose_receipts_were_all_withdrawn_is_bounded_by_rows()
    {
        var store = Store();
        for (var i = 0; i < 3; i++)
        {
            await store.WithdrawAsync(await store.IssueAsync(Partition, ReceivedAt, Token), Token);
        }

        Assert.Equal(0, await store.RemoveOlderThanAsync(ReceivedAt.AddDays(1), 2, Token));
        Assert.Single(await RowsAsync());
    }

    [Fact]
    public async Task A_withdrawn_receipt_is_no_longer_found_and_its_batch_mates_stay()
    {
        var store = Store();
        var (first, waiting) = await IssueBehindAHeldWriteAsync(store, 5);
        await first;
        var batch = await Task.WhenAll(waiting);
        Assert.Single(batch.Select(r => r.Value[..4]).Distinct());

        await store.WithdrawAsync(batch[0], Token);

        Assert.Null(await store.FindAsync(batch[0], Token));
        foreach (var reference in batch[1..])
        {
            Assert.NotNull(await store.FindAsync(reference, Token));
        }

        // A withdrawn receipt is not counted when retention removes its batch: the first row's one and these four.
        Assert.Equal(5, await store.RemoveOlderThanAsync(ReceivedAt.AddDays(1), 1000, Token));
    }

    /// <summary>Counts inserts (batch rows) and entity-group transactions (retention's deletes); can hold the first insert until released.</summary>
    private sealed class WriteCounter : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? _hold;
        private int _writes;
        private int _transactions;

        public int Writes => Volatile.Read(ref _writes);

        public int Transactions => Volatile.Read(ref _transactions);

        public Task FirstEntered => _entered.Task;

        public void HoldFirst() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _hold?.TrySetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var path = message.Request.Uri.Path;
            if (path.EndsWith("/$batch", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _transactions);
            }
            else if (message.Request.Method == RequestMethod.Post && !path.EndsWith("/Tables", StringComparison.Ordinal) && Interlocked.Increment(ref _writes) == 1)
            {
                _entered.TrySetResult();
                if (_hold is not null)
                {
                    await _hold.Task.ConfigureAwait(false);
                }
            }

            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The store is async only.");
    }
}
