using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.Core.Abuse.RateLimiting;

/// <summary>
/// The only owner of the rate-limit table: one <see cref="ClientWindowEntity"/> per client key and UTC day. Counting
/// is a read and an ETag-conditional write, repeated when another instance wrote first, so concurrent posts from one
/// client never count past the limit, however many instances take them.
/// </summary>
public sealed class RateLimitStore(IntakeTables tables) : IDisposable
{
    /// <summary>The sliding short window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Each lost race means another post of the same client was counted, so a post settles within about as many tries
    /// as posts race it; the bound (and the intake's storage budget) only stops a pathological loop, which then refuses
    /// (a client racing itself this hard is not a resident).
    /// </summary>
    internal const int MaxAttempts = 64;

    /// <summary>The longest pause after a lost race, so racing posts spread out instead of colliding again at once.</summary>
    private const int MaxBackoffMilliseconds = 64;

    private static readonly TimeSpan ContentionRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Posts of one client on this instance take turns (one of 64 stripes by key, so memory stays bounded): each then
    /// reads and writes once instead of racing its neighbours round after round. Other instances still race through
    /// the ETag; this only keeps a burst from one address from spending its storage budget on lost races.
    /// </summary>
    private readonly SemaphoreSlim[] _turns = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Counts one event for the client at <paramref name="now"/> if its windows have room, else says when they will.</summary>
    /// <param name="clientKey">The day's pseudonym of the client (hex), never its address.</param>
    public async Task<RateDecision> CountAsync(string clientKey, WindowLimits limits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientKey);
        var table = await tables.RateLimitsAsync().ConfigureAwait(false);
        var utc = now.ToUniversalTime();
        var partition = PartitionOf(DateOnly.FromDateTime(utc.UtcDateTime), clientKey);
        var second = (int)utc.TimeOfDay.TotalSeconds;
        var turn = _turns[(int)((uint)StringComparer.Ordinal.GetHashCode(clientKey) % (uint)_turns.Length)];
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await CountOnceAsync(table, partition, clientKey, limits, second, utc, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            turn.Release();
        }
    }

    public void Dispose()
    {
        foreach (var turn in _turns)
        {
            turn.Dispose();
        }
    }

    private static async Task<RateDecision> CountOnceAsync(TableClient table, string partition, string clientKey, WindowLimits limits, int second, DateTimeOffset utc, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<ClientWindowEntity>(partition, clientKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var row = found.HasValue ? found.Value! : new ClientWindowEntity { PartitionKey = partition, RowKey = clientKey };
            var recent = Recent(row.Recent, second);
            var refusal = Refusal(row.Today, recent, limits, utc);
            if (refusal is not null)
            {
                return refusal;
            }

            recent.Add(second);
            row.Today++;
            row.Recent = string.Join(',', recent.Select(s => s.ToString(CultureInfo.InvariantCulture)));
            try
            {
                if (found.HasValue)
                {
                    await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                }

                return RateDecision.Allow;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another post of this client was counted first: read again and decide on the new count, after a
                // short random pause (a wall-clock wait, not a reading of the time: TimeProvider is not involved).
                var ceiling = Math.Min(MaxBackoffMilliseconds, 2 << Math.Min(attempt, 5));
                await Task.Delay(Random.Shared.Next(1, ceiling + 1), cancellationToken).ConfigureAwait(false);
            }
        }

        return RateDecision.Limit(ContentionRetryAfter);
    }

    /// <summary>Deletes every row of a day before <paramref name="now"/>'s UTC day: their keys can never come back.</summary>
    /// <returns>How many rows were deleted.</returns>
    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.RateLimitsAsync().ConfigureAwait(false);
        var today = DateOnly.FromDateTime(now.UtcDateTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var expired = new List<(string Partition, string Row)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {today}");
        await foreach (var row in table.QueryAsync<ClientWindowEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            expired.Add((row.PartitionKey, row.RowKey));
        }

        foreach (var partition in expired.GroupBy(r => r.Partition, StringComparer.Ordinal))
        {
            // An entity-group transaction takes at most 100 operations, all in one partition.
            foreach (var chunk in partition.Chunk(100))
            {
                var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(r.Partition, r.Row), ETag.All));
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
        }

        return expired.Count;
    }

    private static string PartitionOf(DateOnly day, string clientKey) =>
        string.Create(CultureInfo.InvariantCulture, $"{day:yyyyMMdd}-{clientKey[..Math.Min(2, clientKey.Length)]}");

    /// <summary>The seconds still inside the short window at <paramref name="now"/> (a second of the same UTC day).</summary>
    private static List<int> Recent(string stored, int now)
    {
        var recent = new List<int>();
        foreach (var part in stored.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var second) && now - second < Window.TotalSeconds)
            {
                recent.Add(second);
            }
        }

        recent.Sort();
        return recent;
    }

    private static RateDecision? Refusal(int today, List<int> recent, WindowLimits limits, DateTimeOffset now)
    {
        var retryAfter = TimeSpan.Zero;
        if (today >= limits.PerDay)
        {
            // The key is drawn for the UTC day; at midnight the client starts afresh.
            retryAfter = now.Date.AddDays(1) - now.UtcDateTime;
        }

        if (recent.Count >= limits.PerTenMinutes)
        {
            // The window frees a place when the oldest event that fills it turns ten minutes old.
            var frees = TimeSpan.FromSeconds(recent[^limits.PerTenMinutes]) + Window - now.TimeOfDay;
            retryAfter = frees > retryAfter ? frees : retryAfter;
        }

        return retryAfter > TimeSpan.Zero ? RateDecision.Limit(retryAfter) : null;
    }
}
