using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips.Store.Partitions;
using Grastorp.Intake.Core.Tips.Store.Rollup;
using Grastorp.Intake.Core.Tips.Store.Rows;

namespace Grastorp.Intake.Core.Tips.Store.Recording;

/// <summary>
/// Recording: stores a classified tip and moves its counters exactly once. Queues deliver at least once, so the tip row and
/// every counter it moves are written in one entity-group transaction: the tip is added (a second copy fails with
/// 409, which means "already counted"), with its time-order copy for the staff list; existing counters (all, per
/// theme, per kind and per kind × theme) are replaced only if their ETag is unchanged (412 when a concurrent tip got
/// there first, and then the whole transaction is retried from a fresh read). After it, the week's counters go to the
/// rollup table (<see cref="RollupWriter"/>). One instance per process (a singleton): its gates and what it knows of
/// each partition's counters are shared by every tip the process records.
/// </summary>
public sealed class TipRecorder(IntakeTables tables, TimeProvider time, CountRollupStore rollupTable)
{
    private readonly RollupWriter rollup = new(rollupTable);


    /// <summary>
    /// Within this process, one partition's tips are recorded one at a time. They all move the same counter rows, so
    /// concurrent transactions (the queue function takes 16 messages at once, mostly of this week) would only fail
    /// each other's ETag and retry, each retry another read and write: measured at 2.5 reads and 2.5 transactions per
    /// tip (bench/RESULTS.md, drain). Other instances are still kept apart by the ETags. One gate per partition ever
    /// recorded into (three municipalities, a few weeks a year), so the map stays small.
    /// </summary>
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _recordingGates = new(StringComparer.Ordinal);

    public Task<RecordOutcome> RecordAsync(ReceivedTip tip, TipClassification classification, CancellationToken cancellationToken) =>
        RecordAsync(tip, classification, [], cancellationToken);

    /// <summary>Records the tip with the promise commitments it concerns; their counters move in the same transaction.</summary>
    public async Task<RecordOutcome> RecordAsync(
        ReceivedTip tip, TipClassification classification, IReadOnlyList<string> commitments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        ArgumentNullException.ThrowIfNull(tip);
        ArgumentNullException.ThrowIfNull(classification);
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var partition = tip.Partition;
        var gate = _recordingGates.GetOrAdd(partition.Key, _ => new SemaphoreSlim(1, 1));
        RecordOutcome outcome;
        WeekCounters counted;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            outcome = await ConflictRetry.Pipeline.ExecuteAsync(
                async token => await TryRecordAsync(table, partition, tip, classification, commitments, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);

            // Also when already counted: a redelivery is how a rollup write that failed after the transaction heals.
            counted = await SnapshotForRollupAsync(table, partition, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }

        // Outside the gate, so the next tip's transaction runs while this one's counts go to the rollup.
        await rollup.RollUpAtLeastAsync(counted, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>
    /// The counter rows (counts and ETags) this process's last write left in a partition, so the next tip there needs
    /// no read first: one transaction instead of a query and a transaction. If anyone else moved a counter since (a
    /// staff correction, another instance), its ETag no longer matches, the transaction fails whole and the tip is
    /// recorded again from a fresh read. Used only inside the partition's gate.
    /// </summary>
    private readonly ConcurrentDictionary<string, Dictionary<string, TableEntity>> _knownCounters = new(StringComparer.Ordinal);

    private async Task<RecordOutcome> TryRecordAsync(
        TableClient table, TipPartition partition, ReceivedTip tip, TipClassification classification, IReadOnlyList<string> commitments, CancellationToken cancellationToken)
    {
        if (_knownCounters.TryRemove(partition.Key, out var known))
        {
            try
            {
                return await WriteAsync(table, partition, tip, classification, commitments, known, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // Someone else moved the counters (or removed one): what we knew is stale, so read and try again.
            }
        }

        var existing = await PartitionCounters.ReadWithAsync(table, partition, tip.Reference, cancellationToken).ConfigureAwait(false);
        if (existing.Remove(tip.Reference))
        {
            _knownCounters[partition.Key] = existing;
            return RecordOutcome.AlreadyCounted;
        }

        return await WriteAsync(table, partition, tip, classification, commitments, existing, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RecordOutcome> WriteAsync(
        TableClient table, TipPartition partition, ReceivedTip tip, TipClassification classification, IReadOnlyList<string> commitments,
        Dictionary<string, TableEntity> counters, CancellationToken cancellationToken)
    {
        var actions = Actions(partition, tip, classification, commitments, counters);
        try
        {
            var responses = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            Remember(partition, counters, actions, responses.Value);
            return RecordOutcome.Counted;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 0)
        {
            // Another delivery of the same message stored the tip already; nothing was written, the counters stand.
            // What we knew may be older than that delivery's write (another instance's), so the rollup reads afresh.
            _knownCounters.TryRemove(partition.Key, out _);
            return RecordOutcome.AlreadyCounted;
        }
    }

    /// <summary>The counters after a successful write: the moved ones with their new ETags, the others as they were.</summary>
    private void Remember(TipPartition partition, Dictionary<string, TableEntity> before, List<TableTransactionAction> actions, IReadOnlyList<Response> responses)
    {
        var after = new Dictionary<string, TableEntity>(before, StringComparer.Ordinal);
        for (var i = 0; i < actions.Count && i < responses.Count; i++)
        {
            if (actions[i].Entity is not (ThemeCounterEntity or TipsCounterEntity))
            {
                continue;
            }

            if (responses[i].Headers.ETag is not { } etag)
            {
                return; // Without the new ETags there is nothing safe to remember; the next tip reads.
            }

            after[actions[i].Entity.RowKey] = PartitionCounters.AsRow(actions[i].Entity, etag)!;
        }

        _knownCounters[partition.Key] = after;
    }

    /// <summary>Add the tip and its time-order copy; add each counter it is the first for, or move it if its ETag is still the one read.</summary>
    private List<TableTransactionAction> Actions(
        TipPartition partition, ReceivedTip tip, TipClassification classification, IReadOnlyList<string> commitments, Dictionary<string, TableEntity> existing)
    {
        var entity = ToEntity(partition, tip, classification);
        entity.Commitments = commitments.Count == 0 ? null : string.Join(',', commitments.Distinct(StringComparer.Ordinal));
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, entity),
            new(TableTransactionActionType.UpsertReplace, TimeOrderRow.From(entity)),
        ];
        actions.AddRange(PartitionCounters.Moves(partition.Key, TipRowKeys.CountersOf(entity.Kind, classification.Themes.Select(t => t.Theme)), +1, existing));
        actions.AddRange(PartitionCounters.Moves(partition.Key, TipRowKeys.SplitCommitments(entity.Commitments).Select(TipRowKeys.CommitmentCounter), +1, existing));
        return actions;
    }

    /// <summary>
    /// The partition's counters as this process last saw them (or one fresh read), remembered as the newest if they
    /// are. Called inside the partition's recording gate, so what it sees is what the last transaction left.
    /// </summary>
    private async Task<WeekCounters> SnapshotForRollupAsync(TableClient table, TipPartition partition, CancellationToken cancellationToken)
    {
        if (!_knownCounters.TryGetValue(partition.Key, out var counters))
        {
            counters = await PartitionCounters.ReadAsync(table, partition, cancellationToken).ConfigureAwait(false);
            _knownCounters[partition.Key] = counters;
        }

        var snapshot = PartitionCounters.Snapshot(partition, counters);
        rollup.SawNewest(snapshot);
        return snapshot;
    }

    private TipEntity ToEntity(TipPartition partition, ReceivedTip tip, TipClassification classification) => new()
    {
        PartitionKey = partition.Key,
        RowKey = tip.Reference,
        Municipality = tip.Municipality,
        Week = partition.Week.ToString(),
        Kind = tip.Kind.ToString().ToLowerInvariant(),
        Text = tip.Text,
        Place = tip.Place,
        ObservedAt = tip.ObservedAt,
        Contact = tip.Contact,
        ReceivedAt = tip.ReceivedAt,
        ClassifiedAt = time.GetUtcNow(),
        Emergency = tip.Emergency,
        Source = tip.Source,
        NotifyByEmail = tip.NotifyByEmail,
        PrimaryTheme = classification.Primary,
        Themes = string.Join(',', classification.Themes.Select(t => t.Theme)),
        Explanation = JsonSerializer.Serialize(classification.Themes.ToDictionary(
            t => t.Theme, t => new { confidence = Math.Round(t.Confidence, 3), matched = t.Matched })),
    };
}
