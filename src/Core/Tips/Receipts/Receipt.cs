namespace Grastorp.Intake.Core.Tips.Receipts;

/// <summary>What a receipt says about a reference: where its tip is stored once classified, and when it arrived.</summary>
public sealed record Receipt(TipReference Reference, TipPartition Partition, DateTimeOffset ReceivedAt);
