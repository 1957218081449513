namespace Grastorp.Intake.Core.Staff.Dashboard;

/// <summary>The periods the dashboard offers: three presets, or any range of weeks.</summary>
public enum DashboardPeriod
{
    LastEightWeeks,
    ThisYear,
    LastYear,
    Weeks,
}

/// <summary>The values the dashboard's GET form sends (Swedish words, so a shared link reads well).</summary>
public static class DashboardFields
{
    public const string Municipality = "kommun";
    public const string Period = "period";
    public const string From = "fran";
    public const string To = "till";
    public const string Kind = "typ";

    /// <summary>All municipalities, or all kinds.</summary>
    public const string All = "alla";

    /// <summary>The form's fields, as the page and its CSV link read them.</summary>
    public static IReadOnlyList<string> Names { get; } = [Municipality, Period, From, To, Kind];

    /// <summary>The request a GET form's values make (missing fields are null).</summary>
    public static DashboardRequest Request(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new DashboardRequest(values.GetValueOrDefault(Municipality), values.GetValueOrDefault(Period), values.GetValueOrDefault(From), values.GetValueOrDefault(To), values.GetValueOrDefault(Kind));
    }

    public static string PeriodValue(DashboardPeriod period) => period switch
    {
        DashboardPeriod.ThisYear => "i-ar",
        DashboardPeriod.LastYear => "forra-aret",
        DashboardPeriod.Weeks => "veckor",
        _ => "senaste-8",
    };

    public static DashboardPeriod? ParsePeriod(string? value) => value switch
    {
        null or "" or "senaste-8" => DashboardPeriod.LastEightWeeks,
        "i-ar" => DashboardPeriod.ThisYear,
        "forra-aret" => DashboardPeriod.LastYear,
        "veckor" => DashboardPeriod.Weeks,
        _ => null,
    };
}
