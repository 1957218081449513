using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips.Store.Rows;

namespace Grastorp.Intake.Core.Tips.Store.Reading;

/// <summary>
/// Reading a week for the digest, the follow-up and stats: one partition's tips (text and matched terms, for the
/// kommunpolis), its follow-up columns (never text or contact), and its counter rows (never the tips).
/// </summary>
public sealed class TipWeekReader(IntakeTables tables)
{
    /// <summary>The tips of one municipality and week, oldest first, for the digest.</summary>
    public async Task<IReadOnlyList<StoredTip>> ReadTipsAsync(TipPartition partition, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition.Key} and RowKey lt {TipRowKeys.CounterPrefix}");
        var tips = new List<StoredTip>();
        await foreach (var tip in table.QueryAsync<TipEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            tips.Add(new StoredTip(
                tip.RowKey, tip.Municipality, tip.Kind, tip.Text, tip.Place, tip.ObservedAt, tip.Contact, tip.ReceivedAt,
                tip.Themes.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                ClassifiedAt = tip.ClassifiedAt,
                Source = tip.Source,
                Terms = ExplanationTerms.Of(tip.Explanation),
            });
        }

        return [.. tips.OrderBy(t => t.ReceivedAt)];
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

    /// <summary>The counter rows only: the cost of a count grows with weeks × themes × kinds, never with tips.</summary>
    public async Task<PartitionCounts> ReadCountsAsync(TipPartition partition, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition.Key} and RowKey ge {TipRowKeys.CounterPrefix} and RowKey lt {TipRowKeys.CounterEnd}");
        var counters = new List<(string? Kind, string? Theme, int Count)>();
        var commitments = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var counter in table.QueryAsync<ThemeCounterEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (TipRowKeys.IsCommitmentCounter(counter.RowKey))
            {
                commitments[counter.RowKey[TipRowKeys.CommitmentCounterPrefix.Length..]] = counter.Count;
                continue;
            }

            var (kind, theme) = TipRowKeys.ParseCounter(counter.RowKey);
            counters.Add((kind, theme, counter.Count));
        }

        return PartitionCounts.From(partition, counters, commitments);
    }

    /// <summary>Whether the tip of a reference has been classified and stored (one point read of its key).</summary>
    public async Task<bool> ContainsAsync(TipPartition partition, string reference, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var tip = await table.GetEntityIfExistsAsync<TableEntity>(partition.Key, reference, select: ["RowKey"], cancellationToken).ConfigureAwait(false);
        return tip.HasValue;
    }
}
