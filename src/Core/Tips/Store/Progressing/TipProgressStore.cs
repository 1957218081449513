using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips.Store.Partitions;
using Grastorp.Intake.Core.Tips.Store.Rows;

namespace Grastorp.Intake.Core.Tips.Store.Progressing;

/// <summary>
/// Progressing: staff move a tip through its stages. The tip row (guarded by its ETag) and its time-order copy change
/// in one transaction; a concurrent change (412) retries from a fresh read. The single public reply of tips from before
/// the conversation (issue 32) is still read here, for the status page; nothing writes one any more.
/// </summary>
public sealed class TipProgressStore(IntakeTables tables)
{
    public async Task<TipProgress?> ReadProgressAsync(TipPartition partition, string reference, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(
            partition.Key, reference, select: [nameof(TipEntity.Stage), nameof(TipEntity.Commitments), nameof(TipEntity.PublicReply)], cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } row
            ? new TipProgress(row.GetString(nameof(TipEntity.Stage)) ?? TipStage.Classified, TipRowKeys.SplitCommitments(row.GetString(nameof(TipEntity.Commitments))), row.GetString(nameof(TipEntity.PublicReply)))
            : null;
    }

    public Task<ProgressOutcome> MoveAsync(TipPartition partition, string reference, string to, CancellationToken cancellationToken) =>
        ChangeAsync(partition, reference, tip =>
        {
            var from = tip.Stage ?? TipStage.Classified;
            if (from == to)
            {
                return ProgressOutcome.Unchanged;
            }

            if (!TipStage.CanMove(from, to))
            {
                return ProgressOutcome.InvalidMove;
            }

            tip.Stage = to;
            return ProgressOutcome.Done;
        }, cancellationToken);

    private async Task<ProgressOutcome> ChangeAsync(TipPartition partition, string reference, Func<TipEntity, ProgressOutcome> change, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        return await ConflictRetry.Pipeline.ExecuteAsync(
            async token =>
            {
                var found = await table.GetEntityIfExistsAsync<TipEntity>(partition.Key, reference, cancellationToken: token).ConfigureAwait(false);
                if (!found.HasValue || found.Value is not { } tip)
                {
                    return ProgressOutcome.NotFound;
                }

                var outcome = change(tip);
                if (outcome == ProgressOutcome.Done)
                {
                    await table.SubmitTransactionAsync(
                        [
                            new TableTransactionAction(TableTransactionActionType.UpdateReplace, tip, tip.ETag),
                            new TableTransactionAction(TableTransactionActionType.UpsertReplace, TimeOrderRow.From(tip)),
                        ],
                        token).ConfigureAwait(false);
                }

                return outcome;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
