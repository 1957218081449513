using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Stats;

/// <summary>Tips in one week, all and per theme (every theme listed, zero included).</summary>
public sealed record WeekCounts(WeekId Week, int Tips, IReadOnlyDictionary<string, int> Themes);
