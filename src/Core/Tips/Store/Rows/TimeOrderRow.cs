using Azure.Data.Tables;

namespace Grastorp.Intake.Core.Tips.Store.Rows;

/// <summary>
/// The time-order copy of a tip row (<see cref="TipRowKeys.Time"/>): the same fields, plus one boolean per theme so
/// the kommunpolis's list can filter by theme on the server. Written and changed in the same transactions as the tip row.
/// </summary>
internal static class TimeOrderRow
{
    public static TableEntity From(TipEntity tip)
    {
        var row = new TableEntity(tip.PartitionKey, TipRowKeys.Time(tip.ReceivedAt, tip.RowKey))
        {
            ["Reference"] = tip.RowKey,
            [nameof(TipEntity.Municipality)] = tip.Municipality,
            [nameof(TipEntity.Week)] = tip.Week,
            [nameof(TipEntity.Kind)] = tip.Kind,
            [nameof(TipEntity.Text)] = tip.Text,
            [nameof(TipEntity.Place)] = tip.Place,
            [nameof(TipEntity.ObservedAt)] = tip.ObservedAt,
            [nameof(TipEntity.Contact)] = tip.Contact,
            [nameof(TipEntity.ReceivedAt)] = tip.ReceivedAt,
            [nameof(TipEntity.ClassifiedAt)] = tip.ClassifiedAt,
            [nameof(TipEntity.Emergency)] = tip.Emergency,
            [nameof(TipEntity.PrimaryTheme)] = tip.PrimaryTheme,
            [nameof(TipEntity.Themes)] = tip.Themes,
            [nameof(TipEntity.Explanation)] = tip.Explanation,
            [nameof(TipEntity.ClassifiedThemes)] = tip.ClassifiedThemes,
            [nameof(TipEntity.CorrectedBy)] = tip.CorrectedBy,
            [nameof(TipEntity.CorrectedAt)] = tip.CorrectedAt,
            [nameof(TipEntity.Commitments)] = tip.Commitments,
            [nameof(TipEntity.Stage)] = tip.Stage,
            [nameof(TipEntity.PublicReply)] = tip.PublicReply,
            [nameof(TipEntity.RepliedAt)] = tip.RepliedAt,
            [nameof(TipEntity.RemovedAt)] = tip.RemovedAt,
            [nameof(TipEntity.UnreadAnswer)] = tip.UnreadAnswer,
            [nameof(TipEntity.Source)] = tip.Source,
            [nameof(TipEntity.NotifyByEmail)] = tip.NotifyByEmail,
        };
        foreach (var theme in tip.Themes.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            row[TipRowKeys.ThemeFlagPrefix + theme] = true;
        }

        return row;
    }
}
