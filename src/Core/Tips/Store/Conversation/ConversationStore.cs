using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips.Store.Rows;

namespace Grastorp.Intake.Core.Tips.Store.Conversation;

/// <summary>
/// The owner of a tip's conversation rows (issue #32), kept in the tip's own partition of the tips table
/// (<see cref="TipRowKeys.Message"/>): so a message and the tip's "Nytt svar" flag change in one transaction, and
/// retention removes the messages with the tip's text. A message's key comes from the form that sent it: a form sent
/// twice adds one message (the second add meets the first row and the transaction fails with 409, nothing changes).
/// The rules (who may write, lengths, checks, rate limits) are the services'; this class only keeps the rows right.
/// </summary>
public sealed class ConversationStore(IntakeTables tables, TimeProvider time)
{
    /// <summary>At most this many messages a tip, staff's and the resident's together.</summary>
    public const int MaxMessages = 20;

    /// <summary>A message row: who, what and when, and nothing else (no address, no device, no name).</summary>
    private static class Columns
    {
        public const string Author = nameof(ThreadMessage.Author);
        public const string Text = nameof(ThreadMessage.Text);
        public const string At = nameof(ThreadMessage.At);
    }

    /// <summary>A form token: 32 lower-case hex digits (a GUID's "N" form), so a key never holds anything else.</summary>
    public static bool IsToken(string? token) =>
        token is { Length: 32 } && token.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>A new token for a form that can add a message.</summary>
    public static string NewToken() => Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    /// <summary>A tip's messages, oldest first (one range read of that tip's message rows).</summary>
    public async Task<IReadOnlyList<ThreadMessage>> ReadAsync(TipPartition partition, string reference, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        return await ReadAsync(table, partition.Key, reference, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds one message to a stored tip whose text is still kept. A resident's message sets the tip's "Nytt svar" flag
    /// (tip row and time-order copy) in the same transaction; a closed tip takes none. The limit of
    /// <see cref="MaxMessages"/> is checked against the messages read just before: two forms sent in the same instant
    /// could make it 21, which is harmless and not worth a lock.
    /// </summary>
    public async Task<MessageOutcome> AddAsync(TipPartition partition, string reference, string author, string text, string token, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (!IsToken(token))
        {
            throw new ArgumentException("A message's token is 32 lower-case hex digits.", nameof(token));
        }

        if (author is not (ThreadMessage.Staff or ThreadMessage.Resident))
        {
            throw new ArgumentOutOfRangeException(nameof(author), "A message is the staff's or the resident's.");
        }

        var table = await tables.TipsAsync().ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(
            partition.Key, reference, select: [nameof(TipEntity.ReceivedAt), nameof(TipEntity.Stage), nameof(TipEntity.RemovedAt)], cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } tip || tip.ContainsKey(nameof(TipEntity.RemovedAt)) && tip[nameof(TipEntity.RemovedAt)] is not null)
        {
            return MessageOutcome.NotFound;
        }

        var key = TipRowKeys.Message(reference, token);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition.Key, key, select: ["RowKey"], cancellationToken).ConfigureAwait(false);
        if (existing.HasValue)
        {
            return MessageOutcome.AlreadyAdded;
        }

        if (author == ThreadMessage.Resident && tip.GetString(nameof(TipEntity.Stage)) == TipStage.Closed)
        {
            return MessageOutcome.Closed;
        }

        if ((await ReadAsync(table, partition.Key, reference, cancellationToken).ConfigureAwait(false)).Count >= MaxMessages)
        {
            return MessageOutcome.Full;
        }

        var message = new TableEntity(partition.Key, key)
        {
            [Columns.Author] = author,
            [Columns.Text] = text,
            [Columns.At] = time.GetUtcNow(),
        };
        List<TableTransactionAction> actions = [new(TableTransactionActionType.Add, message)];
        if (author == ThreadMessage.Resident)
        {
            var timeKey = TipRowKeys.Time(tip.GetDateTimeOffset(nameof(TipEntity.ReceivedAt)) ?? default, reference);
            actions.AddRange(Flag(partition.Key, reference, timeKey, unread: true));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return MessageOutcome.Added;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // The same form, sent again while the first was being stored.
            return MessageOutcome.AlreadyAdded;
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            // The tip (or its copy) went between the read and the write: retention or erasure.
            return MessageOutcome.NotFound;
        }
    }

    /// <summary>Clears the tip's "Nytt svar" flag (staff opened it); true if it was set. A merge, so no other column moves.</summary>
    public async Task<bool> MarkAnswersReadAsync(TipPartition partition, string reference, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(
            partition.Key, reference, select: [nameof(TipEntity.ReceivedAt), nameof(TipEntity.UnreadAnswer)], cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is not { } tip || tip.GetBoolean(nameof(TipEntity.UnreadAnswer)) != true)
        {
            return false;
        }

        var timeKey = TipRowKeys.Time(tip.GetDateTimeOffset(nameof(TipEntity.ReceivedAt)) ?? default, reference);
        try
        {
            await table.SubmitTransactionAsync(Flag(partition.Key, reference, timeKey, unread: false), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Removes every message of a tip (retention and erasure call this before clearing the tip's text), so neither the
    /// messages nor the fact that there was a conversation outlive the text. At most 100 rows a transaction.
    /// </summary>
    internal static async Task RemoveAllAsync(TableClient table, string partitionKey, string reference, CancellationToken cancellationToken)
    {
        var filter = MessagesOf(partitionKey, reference);
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(row.RowKey);
        }

        foreach (var chunk in keys.Chunk(100))
        {
            try
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, k), ETag.All)),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // Another run removed one of them first: remove the rest one by one.
                foreach (var key in chunk)
                {
                    await table.DeleteEntityAsync(partitionKey, key, ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task<List<ThreadMessage>> ReadAsync(TableClient table, string partitionKey, string reference, CancellationToken cancellationToken)
    {
        var filter = MessagesOf(partitionKey, reference);
        var messages = new List<(ThreadMessage Message, string Key)>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            messages.Add((new ThreadMessage(
                row.GetString(Columns.Author) ?? ThreadMessage.Staff,
                row.GetString(Columns.Text) ?? string.Empty,
                row.GetDateTimeOffset(Columns.At) ?? default), row.RowKey));
        }

        // Keys are random tokens, so the order is the time written; the key only breaks a tie.
        return [.. messages.OrderBy(m => m.Message.At).ThenBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Message)];
    }

    /// <summary>One tip's message rows and nothing else (<see cref="TipRowKeys.MessagesStart"/>).</summary>
    private static string MessagesOf(string partitionKey, string reference) => TableClient.CreateQueryFilter(
        $"PartitionKey eq {partitionKey} and RowKey ge {TipRowKeys.MessagesStart(reference)} and RowKey lt {TipRowKeys.MessagesEnd(reference)}");

    /// <summary>The flag on the tip row and its time-order copy, merged (other columns untouched); 404 if either is gone.</summary>
    private static IEnumerable<TableTransactionAction> Flag(string partitionKey, string reference, string timeKey, bool unread) =>
    [
        new(TableTransactionActionType.UpdateMerge, new TableEntity(partitionKey, reference) { [nameof(TipEntity.UnreadAnswer)] = unread }, ETag.All),
        new(TableTransactionActionType.UpdateMerge, new TableEntity(partitionKey, timeKey) { [nameof(TipEntity.UnreadAnswer)] = unread }, ETag.All),
    ];
}
