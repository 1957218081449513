using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips.Store.Conversation;
using Grastorp.Intake.Core.Tips.Store.Rows;

namespace Grastorp.Intake.Core.Tips.Store.Removal;

/// <summary>
/// Content removal, for retention (tips received before a cut-off) and for a resident's erasure (one tip): removes
/// what the resident wrote and keeps what the statistics need. The tip row and its time-order copy lose their text,
/// place, contact, time of observation, the matched terms of the explanation (words taken from the text) and the
/// public reply (it may quote the tip), and gain <c>RemovedAt</c>; the week, kind, themes, confidences, stage,
/// commitment links, corrections and every counter stay as they are, so no count moves. Each tip is one transaction guarded by the ETags read: a concurrent staff change
/// wins, and the next run clears the tip.
/// </summary>
public sealed class TipContentRemover(IntakeTables tables, TimeProvider time)
{
    /// <summary>Clears the content of at most <paramref name="limit"/> tips received before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> RemoveContentAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var table = await tables.TipsAsync().ConfigureAwait(false);
        // Tip rows only (their keys sort before the counters); a cleared row has an empty text and is not read again.
        var filter = TableClient.CreateQueryFilter($"RowKey lt {TipRowKeys.CounterPrefix} and ReceivedAt lt {cutoff} and Text ne {string.Empty}");
        var expired = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(1000, limit), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            expired.Add(row);
            if (expired.Count == limit)
            {
                break;
            }
        }

        var cleared = 0;
        var removedAt = time.GetUtcNow();
        foreach (var tip in expired)
        {
            if (await ClearAsync(table, tip, removedAt, cancellationToken).ConfigureAwait(false))
            {
                cleared++;
            }
        }

        return cleared;
    }

    /// <summary>
    /// A resident's request: clears the content of one tip, as retention would, whatever its age. True once the tip's
    /// content is gone (now or before); false if no such tip is stored (yet).
    /// </summary>
    public async Task<bool> RemoveContentOfAsync(TipPartition partition, string reference, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        // Bounded: a staff change between the read and the write (412) is read again, three times at most.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var tip = await table.GetEntityIfExistsAsync<TableEntity>(partition.Key, reference, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!tip.HasValue || tip.Value is not { } row)
            {
                return false;
            }

            if (row.ContainsKey(nameof(TipEntity.RemovedAt)) || await ClearAsync(table, row, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        throw new RequestFailedException(412, "The tip kept changing while its content was being removed; try again.");
    }

    /// <summary>Clears one tip row and its time-order copy in one transaction; false if either changed since it was read.</summary>
    private static async Task<bool> ClearAsync(TableClient table, TableEntity tip, DateTimeOffset removedAt, CancellationToken cancellationToken)
    {
        // The conversation goes first: if the clearing below fails (412), the next run finds the tip again and removes
        // any message that came in between; the other order could leave messages behind a tip no run reads again.
        await ConversationStore.RemoveAllAsync(table, tip.PartitionKey, tip.RowKey, cancellationToken).ConfigureAwait(false);
        // The time-order copy is read by its key and cleared in the same transaction, so the two never disagree.
        var timeKey = TipRowKeys.Time(tip.GetDateTimeOffset(nameof(TipEntity.ReceivedAt)) ?? default, tip.RowKey);
        var copy = await table.GetEntityIfExistsAsync<TableEntity>(tip.PartitionKey, timeKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, Cleared(tip, removedAt), tip.ETag)];
        if (copy.HasValue && copy.Value is { } timeRow)
        {
            actions.Add(new(TableTransactionActionType.UpdateReplace, Cleared(timeRow, removedAt), timeRow.ETag));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
        {
            // Changed or removed since it was read (a staff action, or a second firing): the next run reads it again.
            return false;
        }
    }

    private static TableEntity Cleared(TableEntity row, DateTimeOffset removedAt)
    {
        var cleared = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (name, value) in row)
        {
            if (name is not ("odata.etag" or "PartitionKey" or "RowKey" or "Timestamp") && !RemovedColumns.Contains(name))
            {
                cleared[name] = value;
            }
        }

        cleared[nameof(TipEntity.Text)] = string.Empty;
        cleared[nameof(TipEntity.Explanation)] = WithoutTerms(row.GetString(nameof(TipEntity.Explanation)));
        cleared[nameof(TipEntity.RemovedAt)] = removedAt;
        return cleared;
    }

    /// <summary>The columns that hold what the resident wrote, or could quote it; dropped from the row entirely.</summary>
    private static readonly HashSet<string> RemovedColumns = new(StringComparer.Ordinal)
    {
        nameof(TipEntity.Place), nameof(TipEntity.Contact), nameof(TipEntity.ObservedAt), nameof(TipEntity.PublicReply),
        nameof(TipEntity.UnreadAnswer), nameof(TipEntity.NotifyByEmail),
    };

    /// <summary>The explanation with its confidences kept and its matched terms (words from the text) emptied.</summary>
    private static string WithoutTerms(string? explanation)
    {
        try
        {
            if (JsonNode.Parse(string.IsNullOrEmpty(explanation) ? "{}" : explanation) is not JsonObject themes)
            {
                return "{}";
            }

            foreach (var (_, value) in themes)
            {
                if (value is JsonObject theme)
                {
                    theme["matched"] = new JsonArray();
                }
            }

            return themes.ToJsonString();
        }
        catch (JsonException)
        {
            return "{}";
        }
    }
}
