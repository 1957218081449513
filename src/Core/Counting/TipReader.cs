using System.Text.Json;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.Core.Counting;

/// <summary>Reads the tips of one municipality and week, for the digest.</summary>
public sealed class TipReader(IntakeTables tables)
{
    public async Task<IReadOnlyList<StoredTip>> ReadAsync(TipPartition partition, CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition.Key} and RowKey lt {TipPartition.CounterPrefix}");
        var tips = new List<StoredTip>();
        await foreach (var tip in table.QueryAsync<TipEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            tips.Add(new StoredTip(
                tip.RowKey, tip.Municipality, tip.Kind, tip.Text, tip.Place, tip.ObservedAt, tip.Contact, tip.ReceivedAt,
                tip.Themes.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                ClassifiedAt = tip.ClassifiedAt,
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
}
