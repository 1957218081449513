namespace Grastorp.Intake.Core.Tips.Store.Rebuilding;

/// <summary>What a counter rebuild went through: partitions (municipality × week) and the tips in them.</summary>
public sealed record RebuildSummary(int Partitions, int Tips);
