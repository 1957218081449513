using Azure.Data.Tables;
using Grastorp.Intake.Core.Tips.Store.Listing;
using Grastorp.Intake.Core.Tips.Store.Rows;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Tips.Store;

/// <summary>
/// Reading one tip for its staff page: the tip row by its key, and its neighbours in the week (from the time-order
/// rows, keys and references only, so a week of tips costs one small range read, never their texts).
/// </summary>
public sealed partial class TipStore
{
    /// <summary>The stored tip, or null when no tip of that reference is stored in the partition.</summary>
    public async Task<ListedTip?> ReadTipAsync(TipPartition partition, string reference, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition.Key, reference, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } row ? ToListed(row, row.RowKey) : null;
    }

    /// <summary>The tips received just before and just after this one in the same partition (null at either end).</summary>
    public async Task<(string? Previous, string? Next)> NeighboursAsync(TipPartition partition, string reference, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition.Key} and RowKey gt {TipRowKeys.TimePrefix} and RowKey lt {TipRowKeys.TimeEnd}");
        var newestFirst = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["Reference"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            newestFirst.Add(row.GetString("Reference") ?? string.Empty);
        }

        var at = newestFirst.IndexOf(reference);
        return at < 0
            ? (null, null)
            : (at + 1 < newestFirst.Count ? newestFirst[at + 1] : null, at > 0 ? newestFirst[at - 1] : null);
    }
}
