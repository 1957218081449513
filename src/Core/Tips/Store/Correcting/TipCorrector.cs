using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips.Store.Partitions;
using Grastorp.Intake.Core.Tips.Store.Rollup;
using Grastorp.Intake.Core.Tips.Store.Rows;

namespace Grastorp.Intake.Core.Tips.Store.Correcting;

/// <summary>
/// Correcting: a person sets a tip's themes. The tip row (guarded by its ETag), its time-order copy, every counter
/// that moves (down for themes taken away, up for themes added, per kind too; and the promise commitments the tip
/// no longer or newly concerns, when the correction says how to relink) and the correction's own row (its
/// idempotency marker) are one transaction: either all of it happens or none. A second send of the same request
/// finds its correction row and changes nothing; a concurrent change (412) retries from a fresh read. The counters
/// after it go to the rollup table (<see cref="CountRollupStore"/>).
/// </summary>
public sealed class TipCorrector(IntakeTables tables, TimeProvider time, CountRollupStore rollup)
{
    public async Task<CorrectionOutcome> CorrectAsync(TipPartition partition, ThemeCorrection correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var table = await tables.TipsAsync().ConfigureAwait(false);
        return await ConflictRetry.Pipeline.ExecuteAsync(
            async token => await TryCorrectAsync(table, partition, correction, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<CorrectionOutcome> TryCorrectAsync(TableClient table, TipPartition partition, ThemeCorrection correction, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TipEntity>(partition.Key, correction.Reference, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } tip)
        {
            return CorrectionOutcome.NotFound;
        }

        var markerKey = TipRowKeys.Correction(correction.Reference, correction.RequestKey);
        var existing = await PartitionCounters.ReadWithAsync(table, partition, markerKey, cancellationToken).ConfigureAwait(false);

        if (existing.ContainsKey(markerKey))
        {
            // A re-sent request: if the first one's rollup write failed after its transaction, this one heals it.
            await rollup.WriteAsync(PartitionCounters.Snapshot(partition, existing), cancellationToken).ConfigureAwait(false);
            return CorrectionOutcome.AlreadyApplied;
        }

        var before = tip.Themes.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var after = correction.Themes.Distinct(StringComparer.Ordinal).ToList();
        if (before.Order(StringComparer.Ordinal).SequenceEqual(after.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return CorrectionOutcome.Unchanged;
        }

        var now = time.GetUtcNow();
        var marker = new CorrectionEntity
        {
            PartitionKey = partition.Key,
            RowKey = markerKey,
            Reference = tip.RowKey,
            ClassifiedThemes = tip.ClassifiedThemes ?? tip.Themes,
            ThemesBefore = tip.Themes,
            ThemesAfter = string.Join(',', after),
            CorrectedBy = correction.CorrectedBy,
            CorrectedAt = now,
        };
        tip.ClassifiedThemes ??= tip.Themes;
        tip.Themes = marker.ThemesAfter;
        tip.PrimaryTheme = after[0];
        tip.CorrectedBy = correction.CorrectedBy;
        tip.CorrectedAt = now;

        var commitmentsBefore = TipRowKeys.SplitCommitments(tip.Commitments);
        var commitmentsAfter = commitmentsBefore;
        if (correction.Relink is { } relink)
        {
            var terms = ExplanationTerms.Of(tip.Explanation);
            var kept = after.Where(before.Contains).SelectMany(t => terms.GetValueOrDefault(t) ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            commitmentsAfter = [.. relink(after, kept).Distinct(StringComparer.Ordinal)];
            tip.Commitments = commitmentsAfter.Length == 0 ? null : string.Join(',', commitmentsAfter);
        }

        var removed = before.Except(after, StringComparer.Ordinal).ToList();
        var added = after.Except(before, StringComparer.Ordinal).ToList();
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, marker),
            new(TableTransactionActionType.UpdateReplace, tip, tip.ETag),
            new(TableTransactionActionType.UpsertReplace, TimeOrderRow.From(tip)),
        ];
        actions.AddRange(PartitionCounters.Moves(partition.Key, removed.SelectMany(t => new[] { TipRowKeys.ThemeCounter(t), TipRowKeys.KindThemeCounter(tip.Kind, t) }), -1, existing));
        actions.AddRange(PartitionCounters.Moves(partition.Key, added.SelectMany(t => new[] { TipRowKeys.ThemeCounter(t), TipRowKeys.KindThemeCounter(tip.Kind, t) }), +1, existing));
        actions.AddRange(PartitionCounters.Moves(partition.Key, commitmentsBefore.Except(commitmentsAfter, StringComparer.Ordinal).Select(TipRowKeys.CommitmentCounter), -1, existing));
        actions.AddRange(PartitionCounters.Moves(partition.Key, commitmentsAfter.Except(commitmentsBefore, StringComparer.Ordinal).Select(TipRowKeys.CommitmentCounter), +1, existing));
        // The all-tips count stays, but the partition's version goes up: the counters are in a new state.
        actions.AddRange(PartitionCounters.Moves(partition.Key, [TipRowKeys.TipsCounter], 0, existing));
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 0)
        {
            // The same request, sent twice at once: the other copy wrote the marker first (and rolls it up).
            return CorrectionOutcome.AlreadyApplied;
        }

        try
        {
            await rollup.WriteAsync(PartitionCounters.Snapshot(partition, PartitionCounters.After(existing, actions)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Committed all the same: the caller must still audit it, and a retry would only find the marker.
            throw new CorrectionNotRolledUpException("The correction committed; its rollup write failed.", e);
        }

        return CorrectionOutcome.Corrected;
    }
}
