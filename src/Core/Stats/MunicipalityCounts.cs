namespace Grastorp.Intake.Core.Stats;

/// <summary>One municipality's counts over the period.</summary>
public sealed record MunicipalityCounts(string Municipality, string Name, CountSeries Counts);
