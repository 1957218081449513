using System.Text.Json;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Tips.Store.Rollup;
using Grastorp.Intake.Core.Tips.Store.Rows;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Tips.Store;

/// <summary>
/// The only owner of the tips table: classified tips, their counters, their time-order copies and staff corrections,
/// one partition per municipality and week (<see cref="TipPartition"/>; row layout in <see cref="TipRowKeys"/>).
/// Recording is in <c>TipStore.Recording.cs</c>, the staff tip list in <c>TipStore.Listing.cs</c>, corrections in
/// <c>TipStore.Correcting.cs</c>, the counter rebuild in <c>TipStore.Rebuilding.cs</c> and the copy of each week's
/// counters to the rollup table (for stats) in <c>TipStore.RollingUp.cs</c>.
/// </summary>
public sealed partial class TipStore(IntakeTables tables, TimeProvider time, CountRollupStore rollup)
{
    internal const string CounterPrefix = TipRowKeys.CounterPrefix;

    /// <summary>The counter of all tips, whatever their themes.</summary>
    internal const string TipsCounterRowKey = TipRowKeys.TipsCounter;

    internal static string CounterRowKey(string theme) => TipRowKeys.ThemeCounter(theme);

    /// <summary>The tips of one municipality and week, oldest first, for the digest.</summary>
    public async Task<IReadOnlyList<StoredTip>> ReadTipsAsync(TipPartition partition, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition.Key} and RowKey lt {CounterPrefix}");
        var tips = new List<StoredTip>();
        await foreach (var tip in table.QueryAsync<TipEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            tips.Add(new StoredTip(
                tip.RowKey, tip.Municipality, tip.Kind, tip.Text, tip.Place, tip.ObservedAt, tip.Contact, tip.ReceivedAt,
                tip.Themes.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                ClassifiedAt = tip.ClassifiedAt,
                Source = tip.Source,
                Terms = TermsOf(tip.Explanation),
            });
        }

        return [.. tips.OrderBy(t => t.ReceivedAt)];
    }

    /// <summary>The matched terms from the stored explanation; an unreadable one (an older row) gives none rather than failing the digest.</summary>
    private static Dictionary<string, IReadOnlyList<string>> TermsOf(string explanation)
    {
        var terms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(string.IsNullOrEmpty(explanation) ? "{}" : explanation);
            foreach (var theme in json.RootElement.EnumerateObject())
            {
                if (theme.Value.ValueKind == JsonValueKind.Object && theme.Value.TryGetProperty("matched", out var matched) && matched.ValueKind == JsonValueKind.Array)
                {
                    terms[theme.Name] = [.. matched.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)];
                }
            }
        }
        catch (JsonException)
        {
            terms.Clear();
        }

        return terms;
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
