using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Tips.Store.Rows;

namespace Grastorp.Intake.Core.Tips.Store.Exporting;

/// <summary>
/// Exporting corrections: every tip row that carries the classifier's own themes beside a staff correction, read
/// with only the columns training needs (never contact, place or reply). One row per tip however often it was
/// corrected: the tip row holds the last themes.
/// </summary>
public sealed class CorrectionExporter(IntakeTables tables)
{
    private static readonly string[] CorrectedColumns =
    [
        nameof(TipEntity.RowKey), nameof(TipEntity.Week), nameof(TipEntity.Text), nameof(TipEntity.Themes), nameof(TipEntity.ClassifiedThemes),
    ];

    public async IAsyncEnumerable<CorrectedTip> CorrectedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.TipsAsync().ConfigureAwait(false);

        // Tip rows sort before the counters, correction markers and time-order copies (as in rebuilding); of those, the
        // ones a correction touched carry the classifier's themes. An offline export: a scan of the tip rows is fine.
        var tipRows = TableClient.CreateQueryFilter($"RowKey lt {TipRowKeys.CounterPrefix}");
        await foreach (var row in table.QueryAsync<TableEntity>(tipRows, select: CorrectedColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (string.IsNullOrEmpty(row.GetString(nameof(TipEntity.ClassifiedThemes)))
                || !TipReference.TryParse(row.RowKey, out var reference) || reference.Value != row.RowKey)
            {
                continue;
            }

            var text = row.GetString(nameof(TipEntity.Text));
            yield return new CorrectedTip(
                reference.Value,
                row.GetString(nameof(TipEntity.Week)) ?? string.Empty,
                string.IsNullOrEmpty(text) ? null : text,
                Split(row.GetString(nameof(TipEntity.Themes))),
                Split(row.GetString(nameof(TipEntity.ClassifiedThemes))));
        }
    }

    private static string[] Split(string? themes) => (themes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
}
