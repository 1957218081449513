using Azure.Data.Tables;
using Grastorp.Intake.Core.Tips.Store.Rows;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Tips.Store;

/// <summary>
/// Progressing: staff move a tip through its stages and give it a short public reply. The tip row (guarded by its
/// ETag) and its time-order copy change in one transaction; a concurrent change (412) retries from a fresh read.
/// </summary>
public sealed partial class TipStore
{
    public const int MaxReplyLength = 300;

    public async Task<TipProgress?> ReadProgressAsync(TipPartition partition, string reference, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(
            partition.Key, reference, select: [nameof(TipEntity.Stage), nameof(TipEntity.Commitments), nameof(TipEntity.PublicReply)], cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } row
            ? new TipProgress(row.GetString(nameof(TipEntity.Stage)) ?? TipStage.Classified, TipRowKeys.SplitCommitments(row.GetString(nameof(TipEntity.Commitments))), row.GetString(nameof(TipEntity.PublicReply)))
            : null;
    }

    /// <summary>
    /// The tips of one partition as the digest's follow-up sees them, oldest first: only the columns it needs (never
    /// the text or contact), read from the tip rows of that one partition.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpTip>> ReadFollowUpAsync(TipPartition partition, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition.Key} and RowKey lt {TipRowKeys.CounterPrefix}");
        string[] columns = ["RowKey", nameof(TipEntity.ReceivedAt), nameof(TipEntity.Stage), nameof(TipEntity.Commitments), nameof(TipEntity.Place), nameof(TipEntity.Themes), nameof(TipEntity.UnreadAnswer)];
        var tips = new List<FollowUpTip>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            tips.Add(new FollowUpTip(
                row.RowKey,
                row.GetDateTimeOffset(nameof(TipEntity.ReceivedAt)) ?? default,
                row.GetString(nameof(TipEntity.Stage)) ?? TipStage.Classified,
                TipRowKeys.SplitCommitments(row.GetString(nameof(TipEntity.Commitments))),
                row.GetString(nameof(TipEntity.Place)),
                (row.GetString(nameof(TipEntity.Themes)) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                NewAnswer = row.GetBoolean(nameof(TipEntity.UnreadAnswer)) ?? false,
            });
        }

        return [.. tips.OrderBy(t => t.ReceivedAt)];
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

    /// <summary>Sets (or, with an empty text, removes) the public reply; the caller has checked its length.</summary>
    public Task<ProgressOutcome> ReplyAsync(TipPartition partition, string reference, string? reply, CancellationToken cancellationToken) =>
        ChangeAsync(partition, reference, tip =>
        {
            var text = string.IsNullOrWhiteSpace(reply) ? null : reply.Trim();
            if (text is not null && TipLimits.LengthOf(text) > MaxReplyLength)
            {
                throw new ArgumentOutOfRangeException(nameof(reply), $"A reply is at most {MaxReplyLength} characters.");
            }

            if (text == tip.PublicReply)
            {
                return ProgressOutcome.Unchanged;
            }

            tip.PublicReply = text;
            tip.RepliedAt = time.GetUtcNow();
            return ProgressOutcome.Done;
        }, cancellationToken);

    private async Task<ProgressOutcome> ChangeAsync(TipPartition partition, string reference, Func<TipEntity, ProgressOutcome> change, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        return await ConflictRetry.ExecuteAsync(
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
