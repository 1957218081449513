using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Stats;

namespace Grastorp.Intake.Core.Staff.Dashboard;

/// <summary>What the dashboard's form asked for, as typed (to show it again), and the stats query it means.</summary>
public sealed record DashboardRequest(string? Municipality, string? Period, string? From, string? To, string? Kind);

/// <summary>A validated dashboard request: the period and scope it shows, and the period before it to compare with.</summary>
public sealed record DashboardQuery(
    DashboardPeriod Period,
    string Municipality,
    string Kind,
    StatsQuery Current,
    StatsQuery Previous)
{
    public WeekId From => Current.From;

    public WeekId To => Current.To;

    /// <summary>The same query as GET parameters, for the CSV link and bookmarks.</summary>
    public string ToQueryString() =>
        $"{DashboardFields.Municipality}={Uri.EscapeDataString(Municipality)}&{DashboardFields.Period}={DashboardFields.PeriodValue(Period)}" +
        $"&{DashboardFields.From}={From}&{DashboardFields.To}={To}&{DashboardFields.Kind}={Uri.EscapeDataString(Kind)}";
}
