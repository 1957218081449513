using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Tests.Calendar;

public class SwedishTimeTests
{
    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-12-31T22:59:00Z", "2026-W53")]
    [InlineData("2026-12-31T23:30:00Z", "2026-W53")] // already 2027-01-01 00:30 in Sweden, still ISO week 2026-W53
    [InlineData("2027-01-03T22:59:00Z", "2026-W53")] // Sunday 23:59 local
    [InlineData("2027-01-03T23:00:00Z", "2027-W01")] // Monday 00:00 local
    [InlineData("2025-12-28T22:59:00Z", "2025-W52")]
    [InlineData("2025-12-28T23:30:00Z", "2026-W01")] // Monday 2025-12-29 00:30 local
    public void WeekOf_counts_the_new_year_by_the_swedish_calendar(string instant, string expected)
    {
        Assert.Equal(expected, SwedishTime.WeekOf(Utc(instant)).ToString());
    }

    [Fact]
    public void Late_sunday_in_utc_that_is_monday_in_sweden_belongs_to_the_new_week()
    {
        Assert.Equal(DayOfWeek.Sunday, Utc("2026-11-29T23:30:00Z").DayOfWeek);
        Assert.Equal(DayOfWeek.Monday, SwedishTime.ToLocal(Utc("2026-11-29T23:30:00Z")).DayOfWeek);
        Assert.Equal("2026-W49", SwedishTime.WeekOf(Utc("2026-11-29T23:30:00Z")).ToString());
        Assert.Equal("2026-W48", SwedishTime.WeekOf(Utc("2026-11-29T22:59:59Z")).ToString());
    }

    [Fact]
    public void A_week_offset_expressed_in_another_zone_is_read_as_the_same_instant()
    {
        var sameInstant = new DateTimeOffset(2026, 11, 29, 18, 30, 0, TimeSpan.FromHours(-5)); // 23:30Z
        Assert.Equal("2026-W49", SwedishTime.WeekOf(sameInstant).ToString());
    }

    [Fact]
    public void Local_time_jumps_from_two_to_three_at_the_spring_change()
    {
        var before = SwedishTime.ToLocal(Utc("2026-03-29T00:59:00Z"));
        var after = SwedishTime.ToLocal(Utc("2026-03-29T01:00:00Z"));
        Assert.Equal(new DateTime(2026, 3, 29, 1, 59, 0), before.DateTime);
        Assert.Equal(TimeSpan.FromHours(1), before.Offset);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 0, 0), after.DateTime);
        Assert.Equal(TimeSpan.FromHours(2), after.Offset);
    }

    [Fact]
    public void Local_time_falls_back_from_three_to_two_at_the_autumn_change()
    {
        var before = SwedishTime.ToLocal(Utc("2026-10-25T00:59:00Z"));
        var after = SwedishTime.ToLocal(Utc("2026-10-25T01:00:00Z"));
        Assert.Equal(new DateTime(2026, 10, 25, 2, 59, 0), before.DateTime);
        Assert.Equal(TimeSpan.FromHours(2), before.Offset);
        Assert.Equal(new DateTime(2026, 10, 25, 2, 0, 0), after.DateTime);
        Assert.Equal(TimeSpan.FromHours(1), after.Offset);
    }

    [Theory]
    [InlineData("2026-03-29T21:59:00Z", "2026-W13")] // Sunday 23:59 CEST, the day of the spring change
    [InlineData("2026-03-29T22:00:00Z", "2026-W14")] // Monday 00:00 CEST
    [InlineData("2026-10-25T22:59:00Z", "2026-W43")] // Sunday 23:59 CET, the day of the autumn change
    [InlineData("2026-10-25T23:00:00Z", "2026-W44")] // Monday 00:00 CET
    public void The_week_turns_at_local_midnight_on_both_sides_of_a_daylight_saving_change(string instant, string expected)
    {
        Assert.Equal(expected, SwedishTime.WeekOf(Utc(instant)).ToString());
    }

    [Fact]
    public void AtLocal_in_winter_is_an_hour_ahead_of_utc()
    {
        var instant = SwedishTime.AtLocal(new DateOnly(2026, 1, 15), new TimeOnly(12, 0));
        Assert.Equal(Utc("2026-01-15T11:00:00Z"), instant);
        Assert.Equal(TimeSpan.FromHours(1), instant.Offset);
    }

    [Fact]
    public void AtLocal_in_summer_is_two_hours_ahead_of_utc()
    {
        var instant = SwedishTime.AtLocal(new DateOnly(2026, 7, 1), new TimeOnly(12, 0));
        Assert.Equal(Utc("2026-07-01T10:00:00Z"), instant);
        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
    }

    [Theory]
    [InlineData(2, 0, "2026-03-29T01:00:00Z")]
    [InlineData(2, 30, "2026-03-29T01:30:00Z")]
    [InlineData(2, 59, "2026-03-29T01:59:00Z")]
    public void AtLocal_moves_a_time_skipped_by_the_spring_change_one_hour_forward(int hour, int minute, string expected)
    {
        var instant = SwedishTime.AtLocal(new DateOnly(2026, 3, 29), new TimeOnly(hour, minute));
        Assert.Equal(Utc(expected), instant);
        Assert.Equal(new TimeOnly(hour + 1, minute), TimeOnly.FromDateTime(SwedishTime.ToLocal(instant).DateTime));
    }

    [Fact]
    public void AtLocal_of_a_time_repeated_by_the_autumn_change_reads_back_as_that_wall_clock_time()
    {
        var instant = SwedishTime.AtLocal(new DateOnly(2026, 10, 25), new TimeOnly(2, 30));
        Assert.Contains(instant, new[] { Utc("2026-10-25T00:30:00Z"), Utc("2026-10-25T01:30:00Z") });
        Assert.Equal(new DateTime(2026, 10, 25, 2, 30, 0), SwedishTime.ToLocal(instant).DateTime);
    }

    [Fact]
    public void AtLocal_and_ToLocal_agree_on_the_wall_clock()
    {
        var instant = SwedishTime.AtLocal(new DateOnly(2026, 11, 30), new TimeOnly(7, 0));
        Assert.Equal(Utc("2026-11-30T06:00:00Z"), instant);
        Assert.Equal(new DateTime(2026, 11, 30, 7, 0, 0), SwedishTime.ToLocal(instant).DateTime);
    }
}
