using Azure.Data.Tables;
using Grastorp.Intake.Core.Tips.Store.Correcting;
using Grastorp.Intake.Core.Tips.Store.Rows;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Tips.Store;

/// <summary>
/// Correcting: a person sets a tip's themes. The tip row (guarded by its ETag), its time-order copy, every counter
/// that moves (down for themes taken away, up for themes added, per kind too; and the promise commitments the tip
/// no longer or newly concerns, when the correction says how to relink) and the correction's own row (its
/// idempotency marker) are one transaction: either all of it happens or none. A second send of the same request
/// finds its correction row and changes nothing; a concurrent change (412) retries from a fresh read. The counters
/// after it go to the rollup (<c>TipStore.RollingUp.cs</c>).
/// </summary>
public sealed partial class TipStore
{
    public async Task<CorrectionOutcome> CorrectAsync(TipPartition partition, ThemeCorrection correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var table = await tables.TipsAsync().ConfigureAwait(false);
        return await ConflictRetry.ExecuteAsync(
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
        var existing = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition.Key} and (RowKey eq {markerKey} or (RowKey ge {TipRowKeys.CounterPrefix} and RowKey lt {TipRowKeys.CounterEnd}))");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: CounterColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            existing[row.RowKey] = row;
        }

        if (existing.ContainsKey(markerKey))
        {
            // A re-sent request: if the first one's rollup write failed after its transaction, this one heals it.
            await rollup.WriteAsync(Snapshot(partition, existing), cancellationToken).ConfigureAwait(false);
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
            var terms = TermsOf(tip.Explanation);
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
        actions.AddRange(CounterMoves(partition.Key, removed.SelectMany(t => new[] { TipRowKeys.ThemeCounter(t), TipRowKeys.KindThemeCounter(tip.Kind, t) }), -1, existing));
        actions.AddRange(CounterMoves(partition.Key, added.SelectMany(t => new[] { TipRowKeys.ThemeCounter(t), TipRowKeys.KindThemeCounter(tip.Kind, t) }), +1, existing));
        actions.AddRange(CounterMoves(partition.Key, commitmentsBefore.Except(commitmentsAfter, StringComparer.Ordinal).Select(TipRowKeys.CommitmentCounter), -1, existing));
        actions.AddRange(CounterMoves(partition.Key, commitmentsAfter.Except(commitmentsBefore, StringComparer.Ordinal).Select(TipRowKeys.CommitmentCounter), +1, existing));
        // The all-tips count stays, but the partition's version goes up: the counters are in a new state.
        actions.AddRange(CounterMoves(partition.Key, [TipRowKeys.TipsCounter], 0, existing));
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
            await rollup.WriteAsync(Snapshot(partition, CountersAfter(existing, actions)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Committed all the same: the caller must still audit it, and a retry would only find the marker.
            throw new CorrectionNotRolledUpException("The correction committed; its rollup write failed.", e);
        }

        return CorrectionOutcome.Corrected;
    }
}
