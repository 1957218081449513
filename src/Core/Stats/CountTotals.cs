namespace Grastorp.Intake.Core.Stats;

/// <summary>Tips over a whole period, all and per theme. A tip with two themes counts once in <see cref="Tips"/> and once per theme.</summary>
public sealed record CountTotals(int Tips, IReadOnlyDictionary<string, int> Themes);
