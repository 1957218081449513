using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Municipalities;

namespace Grastorp.Intake.Core.Stats;

/// <summary>A validated stats request: a week range and the municipalities it covers.</summary>
public sealed record StatsQuery(WeekId From, WeekId To, IReadOnlyList<Municipality> Municipalities)
{
    /// <summary>Two years: enough for any follow-up of the citizen promises, and a bound on the reads one request makes.</summary>
    public const int MaxWeeks = 106;

    /// <summary>Without a range: the last eight weeks, this one included.</summary>
    public const int DefaultWeeks = 8;

    public const string FromField = "from";
    public const string ToField = "to";
    public const string MunicipalityField = "municipality";
}
