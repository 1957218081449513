using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.Core.Promises.Actions;

/// <summary>The only owner of the actions table: what staff did per commitment, written once, read per promise.</summary>
public sealed class CommitmentActionStore(IntakeTables tables, TimeProvider time)
{
    /// <summary>Bounds one read: a promise with more actions than this shows its newest.</summary>
    private const int MaxRead = 500;

    public async Task<CommitmentAction> AddAsync(
        Promise promise, Commitment commitment, DateOnly date, string summary, IReadOnlyList<ActionCount> counts, string recordedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promise);
        ArgumentNullException.ThrowIfNull(commitment);
        var entity = new CommitmentActionEntity
        {
            PartitionKey = commitment.Key,
            RowKey = string.Create(CultureInfo.InvariantCulture, $"{DateOnly.MaxValue.DayNumber - date.DayNumber:D7}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}"),
            Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Municipality = promise.Municipality,
            Summary = summary,
            Counts = JsonSerializer.Serialize(counts.Select(c => new { label = c.Label, value = c.Value })),
            RecordedBy = recordedBy,
            RecordedAt = time.GetUtcNow(),
        };
        var table = await tables.ActionsAsync().ConfigureAwait(false);
        await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        return ToAction(entity);
    }

    /// <summary>
    /// Staff correct what was published: same row (same id in the feed, so readers update the entry), new text,
    /// date and counts, and <see cref="CommitmentAction.ChangedAt"/> now. Null when the action is gone.
    /// </summary>
    public async Task<CommitmentAction?> ChangeAsync(
        string commitmentKey, string id, DateOnly date, string summary, IReadOnlyList<ActionCount> counts, CancellationToken cancellationToken)
    {
        var table = await tables.ActionsAsync().ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<CommitmentActionEntity>(commitmentKey, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } entity)
        {
            return null;
        }

        entity.Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        entity.Summary = summary;
        entity.Counts = JsonSerializer.Serialize(counts.Select(c => new { label = c.Label, value = c.Value }));
        entity.ChangedAt = time.GetUtcNow();
        try
        {
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Withdrawn or changed by someone else meanwhile: the page shows the list again.
            return null;
        }

        return ToAction(entity);
    }

    /// <summary>Takes an action off the public follow-up for good; false when it was already gone.</summary>
    public async Task<bool> WithdrawAsync(string commitmentKey, string id, CancellationToken cancellationToken)
    {
        var table = await tables.ActionsAsync().ConfigureAwait(false);
        // The SDK answers a missing row with its 404 response rather than an exception.
        using var response = await table.DeleteEntityAsync(commitmentKey, id, Azure.ETag.All, cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>Every action recorded for a promise's commitments, newest day first.</summary>
    public async Task<IReadOnlyList<CommitmentAction>> ReadAsync(Promise promise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promise);
        var table = await tables.ActionsAsync().ConfigureAwait(false);
        // Commitment keys are "{promise id}.{id}"; '/' sorts right after '.', so this range is exactly the promise's.
        var filter = TableClient.CreateQueryFilter($"PartitionKey gt {promise.Id + "."} and PartitionKey lt {promise.Id + "/"}");
        var actions = new List<CommitmentAction>();
        await foreach (var row in table.QueryAsync<CommitmentActionEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            actions.Add(ToAction(row));
            if (actions.Count >= MaxRead)
            {
                break;
            }
        }

        return [.. actions.OrderByDescending(a => a.Date).ThenByDescending(a => a.RecordedAt)];
    }

    private static CommitmentAction ToAction(CommitmentActionEntity row)
    {
        var counts = new List<ActionCount>();
        using (var document = JsonDocument.Parse(row.Counts))
        {
            foreach (var item in document.RootElement.EnumerateArray())
            {
                counts.Add(new ActionCount(item.GetProperty("label").GetString() ?? string.Empty, item.GetProperty("value").GetInt32()));
            }
        }

        return new CommitmentAction(
            row.RowKey, row.PartitionKey, DateOnly.ParseExact(row.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            row.Municipality, row.Summary, counts, row.RecordedBy, row.RecordedAt)
        {
            ChangedAt = row.ChangedAt,
        };
    }
}
