using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Municipalities;

namespace Grastorp.Intake.Core.Stats;

/// <summary>A validated stats request: a week range, the municipalities it covers and the kind of message (null: every kind).</summary>
public sealed record StatsQuery(WeekId From, WeekId To, IReadOnlyList<Municipality> Municipalities, string? Kind = null)
{
    /// <summary>Two years: enough for any follow-up of the citizen promises, and a bound on the reads one request makes.</summary>
    public const int MaxWeeks = 106;

    /// <summary>Without a range: the last eight weeks, this one included.</summary>
    public const int DefaultWeeks = 8;

    public const string FromField = "from";
    public const string ToField = "to";
    public const string MunicipalityField = "municipality";
    public const string KindField = "kind";

    /// <summary>The word the answer uses for all municipalities (or all kinds) together, also accepted in a request.</summary>
    public const string All = "all";
}
