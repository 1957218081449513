using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Retention;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Staff.Audit;

/// <summary>
/// The only owner of the audit table: records each time staff are shown a tip's text or correct its themes (who,
/// when, which reference; never the text, since tips can name people), lets the auditor read it month by month,
/// and removes what is older than the retention period. An entry outlives the tip it names (who read what stays
/// answerable for <c>Audit:RetentionDays</c>), but its reference does not: once the tip's own retention has removed
/// it, the entry keeps who, when, what and the municipality's week, and the reference is emptied.
/// </summary>
public sealed class AuditLog(IntakeTables tables, TimeProvider time, IOptions<AuditOptions> options, IOptions<RetentionOptions> retention)
{
    private const int MaxBatch = 100;

    /// <summary>How many months back a purge looks for expired rows: bounds the loop; older ones were purged before.</summary>
    private const int PurgeLookBackMonths = 36;

    /// <summary>The row keys of the once-a-day markers start here; every entry's key (inverted ticks) sorts before it.</summary>
    private const string ViewMarkerPrefix = "view-";

    /// <summary>
    /// Records that <paramref name="who"/> was shown a tip, at most once per person, tip and (Swedish) day: the entry and
    /// a marker keyed by the three are added in one transaction, so a second view that day adds nothing (409), however
    /// many times the page is opened or reloaded. True when this call wrote the entry.
    /// </summary>
    public async Task<bool> RecordViewAsync(StaffPrincipal who, string reference, string partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var now = time.GetUtcNow();
        var day = Calendar.SwedishTime.ToLocal(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var person = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(who.Name)))[..16];
        var entry = Entry(who, AuditAction.Viewed, (reference, partition, string.Empty), now);
        var marker = new AuditEntity
        {
            PartitionKey = entry.PartitionKey,
            RowKey = $"{ViewMarkerPrefix}{day}-{person}-{reference}",
            At = now,
            Action = nameof(AuditAction.Viewed),
            Reference = reference,
        };
        var table = await tables.AuditAsync().ConfigureAwait(false);
        try
        {
            await table.SubmitTransactionAsync([new(TableTransactionActionType.Add, marker), new(TableTransactionActionType.Add, entry)], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 0)
        {
            return false;
        }
    }

    public async Task RecordAsync(StaffPrincipal who, AuditAction action, IEnumerable<(string Reference, string Partition, string Detail)> tips, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(tips);
        var now = time.GetUtcNow();
        var rows = tips.Select(t => Entry(who, action, t, now)).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var table = await tables.AuditAsync().ConfigureAwait(false);
        foreach (var batch in rows.Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A month's entries, newest first (<paramref name="month"/> <c>2026-11</c>, default this month), one page per call.</summary>
    public async Task<AuditPage> ReadAsync(string? month, string? after, int pageSize, CancellationToken cancellationToken)
    {
        var partition = IsMonth(month) ? month! : MonthOf(time.GetUtcNow());
        var start = after is { Length: 28 } && after.All(c => char.IsAsciiDigit(c) || c == '-' || char.IsAsciiHexDigitLower(c)) ? after : string.Empty;
        var size = Math.Clamp(pageSize, 1, 200);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {start} and RowKey lt {ViewMarkerPrefix}");
        var table = await tables.AuditAsync().ConfigureAwait(false);
        var rows = new List<AuditEntity>(size + 1);
        await foreach (var row in table.QueryAsync<AuditEntity>(filter, maxPerPage: size + 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
            if (rows.Count > size)
            {
                break;
            }
        }

        var shown = rows.Take(size).ToList();
        return new AuditPage(
            partition,
            [.. shown.Select(r => new AuditEntry(r.At, r.Who, r.Role, Enum.TryParse<AuditAction>(r.Action, out var a) ? a : AuditAction.Viewed, r.Reference, r.TipPartition, r.Detail) { WhoId = r.WhoId })],
            rows.Count > size ? shown[^1].RowKey : null);
    }

    /// <summary>
    /// Deletes every entry older than the audit's retention period, and empties the reference of every entry whose tip
    /// the tip retention has removed or may have removed by now (<see cref="ForgetReferencesAsync"/>).
    /// </summary>
    /// <returns>How many entries were deleted.</returns>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await ForgetReferencesAsync(cancellationToken).ConfigureAwait(false);
        var cutoff = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var table = await tables.AuditAsync().ConfigureAwait(false);
        var deleted = 0;
        var month = new DateTimeOffset(cutoff.Year, cutoff.Month, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < PurgeLookBackMonths; i++, month = month.AddMonths(-1))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MonthOf(month)} and At lt {cutoff}");
            var expired = new List<AuditEntity>();
            await foreach (var row in table.QueryAsync<AuditEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                expired.Add(row);
            }

            foreach (var batch in expired.Chunk(MaxBatch))
            {
                await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r)), cancellationToken).ConfigureAwait(false);
                deleted += batch.Length;
            }
        }

        return deleted;
    }

    /// <summary>
    /// Empties the reference of each entry whose tip was received before the tip retention's cutoff. The entry knows
    /// the tip's week (its partition), not the second it came: the reference goes once the week's first moment is
    /// past the cutoff, so it never outlives the tip, at the cost of going up to a week early. An entry without a
    /// readable week goes by its own time (its tip came before it was read).
    /// </summary>
    /// <returns>How many references were emptied.</returns>
    public async Task<int> ForgetReferencesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tipCutoff = now.AddDays(-retention.Value.Days);
        var oldest = now.AddDays(-options.Value.RetentionDays);
        var table = await tables.AuditAsync().ConfigureAwait(false);
        var forgotten = 0;
        var month = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i <= (options.Value.RetentionDays / 28) + 1 && month.AddMonths(1) > oldest; i++, month = month.AddMonths(-1))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MonthOf(month)} and Reference ne {string.Empty}");
            var named = new List<AuditEntity>();
            await foreach (var row in table.QueryAsync<AuditEntity>(filter, select: ["PartitionKey", "RowKey", "At", "TipPartition"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var tipCameBy = TipPartition.TryParse(row.TipPartition, out var partition) ? SwedishTime.AtLocal(partition.Week.Monday, TimeOnly.MinValue) : row.At;
                if (tipCameBy < tipCutoff)
                {
                    named.Add(row);
                }
            }

            foreach (var batch in named.Chunk(MaxBatch))
            {
                var actions = batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(r.PartitionKey, r.RowKey) { [nameof(AuditEntity.Reference)] = string.Empty }, ETag.All));
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                forgotten += batch.Length;
            }
        }

        return forgotten;
    }

    private static AuditEntity Entry(StaffPrincipal who, AuditAction action, (string Reference, string Partition, string Detail) tip, DateTimeOffset now) => new()
    {
        PartitionKey = MonthOf(now),
        RowKey = RowKeyAt(now),
        At = now,
        Who = who.Name,
        WhoId = who.ObjectId,
        Role = who.MainRole?.ToString() ?? string.Empty,
        Action = action.ToString(),
        Reference = tip.Reference,
        TipPartition = tip.Partition,
        Detail = tip.Detail,
    };

    private static string MonthOf(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static bool IsMonth(string? month) =>
        month is { Length: 7 } && DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string RowKeyAt(DateTimeOffset instant) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - instant.UtcTicks:D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
}
