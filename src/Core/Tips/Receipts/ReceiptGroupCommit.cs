using Azure;

namespace Grastorp.Intake.Core.Tips.Receipts;

/// <summary>
/// Writes receipts by group commit, so intake costs about one queue send plus 1/batch table operations per tip
/// instead of two. Receipts that arrive while one batch is being written collect into the next, which is written the
/// moment the first returns: a lone receipt goes out at once (no timer), and under load a batch carries as many as
/// arrived meanwhile, up to <see cref="MaxBatch"/>. All receipts of a batch share one row, under a batch key drawn at
/// random per batch, which is also the first four characters of each of their references. This class only gathers
/// and hands out; <see cref="ReceiptStore"/> writes.
/// </summary>
/// <remarks>
/// One writer per process (it lives in the singleton <see cref="ReceiptStore"/>); other processes write their own
/// batches under other keys (a key already taken, 409, is drawn again).
/// </remarks>
/// <param name="commit">Writes one batch in one storage request, giving each receipt its reference; what it throws, every receipt of the batch throws.</param>
internal sealed class ReceiptGroupCommit(Func<IReadOnlyList<IPendingReceipt>, Task> commit)
{
    /// <summary>Receipts in one batch row: two properties each, 200 within Table Storage's 252 per entity.</summary>
    public const int MaxBatch = 100;

    /// <summary>Receipts allowed to wait for a write: ten full batches. More means storage is far behind, and a quick 503 serves the resident better.</summary>
    public const int MaxWaiting = 1000;

    private readonly Lock _gate = new();
    private readonly List<Waiter> _open = [];
    private bool _committing;

    /// <summary>Joins the open batch and returns once its write has committed this receipt.</summary>
    public async Task<TipReference> IssueAsync(TipPartition partition, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiter = new Waiter(partition, receivedAt);
        bool lead;
        lock (_gate)
        {
            if (_open.Count >= MaxWaiting)
            {
                // Answered like storage refusing for now (503 with Retry-After), which is what it amounts to.
                throw new RequestFailedException(503, "Too many receipts are waiting for storage.");
            }

            _open.Add(waiter);
            lead = !_committing;
            _committing = true;
        }

        if (lead)
        {
            // The writer outlives this request, so it must not carry the request's activity or logging scope.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(CommitAllAsync, CancellationToken.None);
            }
        }

        // A request that gives up leaves: taken out of the open batch if still there, so nothing waits for it; if its
        // batch is already being written, its receipt may still be written, held by nobody (retention removes it).
        await using var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _open.Remove(waiter);
            }

            waiter.TrySetCanceled(cancellationToken);
        }).ConfigureAwait(false);
        return await waiter.Task.ConfigureAwait(false);
    }

    /// <summary>Writes one batch after the other until no receipt waits; then the next arrival starts it again.</summary>
    private async Task CommitAllAsync()
    {
        // Bounded: each turn takes at least one waiter out, and the waiters are bounded by MaxWaiting at any time.
        while (true)
        {
            List<Waiter> batch;
            lock (_gate)
            {
                var count = Math.Min(_open.Count, MaxBatch);
                if (count == 0)
                {
                    _committing = false;
                    return;
                }

                batch = _open.GetRange(0, count);
                _open.RemoveRange(0, count);
            }

            await CommitAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(List<Waiter> batch)
    {
        try
        {
            await commit(batch).ConfigureAwait(false);
            foreach (var waiter in batch)
            {
                waiter.TrySetResult(waiter.Reference);
            }
        }
        catch (Exception e)
        {
            // Every waiter of the failed write hears why (an outage becomes each request's 503).
            foreach (var waiter in batch)
            {
                waiter.TrySetException(e);
            }
        }
    }

    private sealed class Waiter(TipPartition partition, DateTimeOffset receivedAt)
        : TaskCompletionSource<TipReference>(TaskCreationOptions.RunContinuationsAsynchronously), IPendingReceipt
    {
        public TipPartition Partition => partition;

        public DateTimeOffset ReceivedAt => receivedAt;

        public TipReference Reference { get; set; }
    }
}

/// <summary>A receipt waiting for its batch to be written; the commit gives it its reference.</summary>
internal interface IPendingReceipt
{
    TipPartition Partition { get; }

    DateTimeOffset ReceivedAt { get; }

    TipReference Reference { get; set; }
}
