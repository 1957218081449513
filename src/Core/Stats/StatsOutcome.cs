namespace Grastorp.Intake.Core.Stats;

/// <summary>Either the counts asked for, or per query parameter what is wrong with the request (400).</summary>
public sealed record StatsOutcome(ThemeStats? Stats, IReadOnlyDictionary<string, string[]> Errors);
