using Azure;
using Azure.Data.Tables;

namespace Grastorp.Intake.Core.Tips.Store.Rows;

/// <summary>
/// One applied correction (<see cref="TipRowKeys.Correction"/>): the idempotency marker of its request and a
/// training example (the classifier's themes, the themes before and after, the tip row holds the text).
/// </summary>
internal sealed class CorrectionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Reference { get; set; } = string.Empty;

    public string ClassifiedThemes { get; set; } = string.Empty;

    public string ThemesBefore { get; set; } = string.Empty;

    public string ThemesAfter { get; set; } = string.Empty;

    public string CorrectedBy { get; set; } = string.Empty;

    public DateTimeOffset CorrectedAt { get; set; }
}
