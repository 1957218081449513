namespace Grastorp.Intake.Core.Calendar;

/// <summary>
/// The residents' and the kommunpolis's clock. Azure timers run in UTC (WEBSITE_TIME_ZONE is not supported on
/// Linux plans), so every "which week" and "is it Monday morning" question is answered here, from an instant.
/// </summary>
public static class SwedishTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The ISO week a moment falls in, as a Swede's calendar shows it.</summary>
    public static WeekId WeekOf(DateTimeOffset instant) => WeekId.Containing(DateOnly.FromDateTime(ToLocal(instant).DateTime));

    /// <summary>The instant a week ends in Sweden: midnight between its Sunday and the next Monday.</summary>
    public static DateTimeOffset EndOf(WeekId week) => AtLocal(week.Monday.AddDays(7), TimeOnly.MinValue);

    /// <summary>The instant a local wall-clock time in Sweden happens. Times skipped by the spring change move forward an hour.</summary>
    public static DateTimeOffset AtLocal(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
