using System.Text.Json;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips.Store.Rows;

namespace Grastorp.Intake.Core.Tips.Store.Listing;

/// <summary>
/// Listing: a week's tips newest first from the time-order rows, one page per call. The continuation token is the
/// last row key shown, so the next page is a range read that starts after it: never a full-table read, and the
/// kind and theme filters run on the server. Reading one tip for its staff page: the tip row by its key, and its
/// neighbours in the week (from the time-order rows, keys and references only, so a week of tips costs one small
/// range read, never their texts).
/// </summary>
public sealed class TipLister(IntakeTables tables)
{
    public async Task<TipPage> ListAsync(TipPartition partition, TipListFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var size = Math.Clamp(filter.PageSize, 1, TipListFilter.MaxPageSize);
        var start = TipRowKeys.IsTime(filter.After) ? filter.After! : TipRowKeys.TimePrefix;
        var query = TableClient.CreateQueryFilter($"PartitionKey eq {partition.Key} and RowKey gt {start} and RowKey lt {TipRowKeys.TimeEnd}");
        if (filter.Kind is not null)
        {
            // One kind or several (comma-separated), each a quoted value.
            var kinds = filter.Kind.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => TableClient.CreateQueryFilter($"Kind eq {k}"));
            query += $" and ({string.Join(" or ", kinds)})";
        }

        if (filter.Theme is not null && KeyId.IsValid(filter.Theme))
        {
            // The property name comes from a validated theme id (a-z, 0-9, _), never from raw input.
            query += $" and {TipRowKeys.ThemeFlagPrefix}{filter.Theme} eq true";
        }

        var table = await tables.TipsAsync().ConfigureAwait(false);
        var rows = new List<TableEntity>(size + 1);
        await foreach (var row in table.QueryAsync<TableEntity>(query, maxPerPage: size + 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
            if (rows.Count > size)
            {
                break;
            }
        }

        var shown = rows.Take(size).ToList();
        return new TipPage([.. shown.Select(ToListed)], rows.Count > size ? shown[^1].RowKey : null);
    }

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

    private static ListedTip ToListed(TableEntity row) => ToListed(row, row.GetString("Reference") ?? string.Empty);

    /// <summary>A tip row or its time-order copy as staff read it (a tip row's reference is its key, a copy's a column).</summary>
    private static ListedTip ToListed(TableEntity row, string reference)
    {
        var explanation = ReadExplanation(row.GetString(nameof(TipEntity.Explanation)));
        var themes = (row.GetString(nameof(TipEntity.Themes)) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new ListedTip(
            reference,
            row.GetString(nameof(TipEntity.Kind)) ?? string.Empty,
            row.GetString(nameof(TipEntity.Text)) ?? string.Empty,
            row.GetString(nameof(TipEntity.Place)),
            row.GetDateTimeOffset(nameof(TipEntity.ObservedAt)),
            row.GetString(nameof(TipEntity.Contact)),
            row.GetDateTimeOffset(nameof(TipEntity.ReceivedAt)) ?? default,
            [.. themes.Select(t => new ListedTheme(t, explanation.GetValueOrDefault(t) ?? []))])
        {
            ClassifiedThemes = row.GetString(nameof(TipEntity.ClassifiedThemes))?.Split(',', StringSplitOptions.RemoveEmptyEntries),
            CorrectedBy = row.GetString(nameof(TipEntity.CorrectedBy)),
            CorrectedAt = row.GetDateTimeOffset(nameof(TipEntity.CorrectedAt)),
            Stage = row.GetString(nameof(TipEntity.Stage)) ?? TipStage.Classified,
            Reply = row.GetString(nameof(TipEntity.PublicReply)),
            RemovedAt = row.GetDateTimeOffset(nameof(TipEntity.RemovedAt)),
            NewAnswer = row.GetBoolean(nameof(TipEntity.UnreadAnswer)) ?? false,
            Source = row.GetString(nameof(TipEntity.Source)),
            NotifyByEmail = row.GetBoolean(nameof(TipEntity.NotifyByEmail)) ?? false,
            Municipality = row.GetString(nameof(TipEntity.Municipality)) ?? string.Empty,
            Emergency = row.GetBoolean(nameof(TipEntity.Emergency)) ?? false,
            Commitments = TipRowKeys.SplitCommitments(row.GetString(nameof(TipEntity.Commitments))),
        };
    }

    /// <summary>Theme → the terms that decided it, from the explanation JSON the recording wrote.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadExplanation(string? json)
    {
        var terms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return terms;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var theme in document.RootElement.EnumerateObject())
        {
            terms[theme.Name] = theme.Value.TryGetProperty("matched", out var matched) && matched.ValueKind == JsonValueKind.Array
                ? [.. matched.EnumerateArray().Select(m => m.GetString() ?? string.Empty)]
                : [];
        }

        return terms;
    }
}
