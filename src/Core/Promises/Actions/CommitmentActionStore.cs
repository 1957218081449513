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
            row.Municipality, row.Summary, counts, row.RecordedBy, row.RecordedAt);
    }
}
