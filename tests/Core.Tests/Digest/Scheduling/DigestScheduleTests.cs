using System.Globalization;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Scheduling;
using Grastorp.Intake.Core.Digest.Settings;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.Core.Tests.Digest.Scheduling;

public class DigestScheduleTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly DigestSchedule _schedule = new(Options.Create(new DigestOptions { DueAt = new TimeOnly(7, 0) }));

    private WeekId? DueAt(string utc)
    {
        _time.SetUtcNow(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));
        return _schedule.DueWeek(_time.GetUtcNow());
    }

    [Fact]
    public void Monday_six_in_the_morning_in_winter_is_too_early()
    {
        Assert.Null(DueAt("2026-11-30T05:00:00Z")); // 06:00 CET
        Assert.Null(DueAt("2026-11-30T05:59:59Z"));
    }

    [Fact]
    public void Monday_seven_in_the_morning_in_winter_is_due_for_the_previous_week()
    {
        Assert.Equal(new WeekId(2026, 48), DueAt("2026-11-30T06:00:00Z")); // 07:00 CET
    }

    [Fact]
    public void Monday_seven_in_the_morning_in_summer_is_due_although_it_is_five_in_utc()
    {
        Assert.Equal(new WeekId(2026, 22), DueAt("2026-06-01T05:00:00Z")); // 07:00 CEST
    }

    [Fact]
    public void Monday_six_in_the_morning_in_summer_is_too_early()
    {
        Assert.Null(DueAt("2026-06-01T04:00:00Z")); // 06:00 CEST
        Assert.Null(DueAt("2026-06-01T04:59:59Z"));
    }

    [Fact]
    public void A_missed_monday_is_caught_up_later_in_the_week()
    {
        Assert.Equal(new WeekId(2026, 22), DueAt("2026-06-02T03:00:00Z")); // Tuesday 05:00 CEST
        Assert.Equal(new WeekId(2026, 22), DueAt("2026-06-07T21:59:00Z")); // Sunday 23:59 CEST
    }

    [Fact]
    public void Sunday_late_in_utc_is_monday_midnight_in_sweden_and_not_yet_due()
    {
        Assert.Null(DueAt("2026-11-29T23:00:00Z")); // Monday 00:00 CET of 2026-W49
    }

    [Fact]
    public void Sunday_evening_in_sweden_still_catches_up_the_week_before()
    {
        Assert.Equal(new WeekId(2026, 47), DueAt("2026-11-29T22:00:00Z")); // Sunday 23:00 CET of 2026-W48
    }

    [Fact]
    public void The_monday_after_the_spring_change_is_due_at_seven_summer_time()
    {
        Assert.Null(DueAt("2026-03-30T04:59:00Z")); // 06:59 CEST
        Assert.Equal(new WeekId(2026, 13), DueAt("2026-03-30T05:00:00Z")); // 07:00 CEST
    }

    [Fact]
    public void The_monday_after_the_autumn_change_is_due_at_seven_winter_time()
    {
        Assert.Null(DueAt("2026-10-26T05:30:00Z")); // 06:30 CET
        Assert.Equal(new WeekId(2026, 43), DueAt("2026-10-26T06:00:00Z")); // 07:00 CET
    }

    [Fact]
    public void The_first_monday_of_a_new_iso_year_is_due_for_week_53()
    {
        Assert.Null(DueAt("2027-01-04T05:59:00Z"));
        Assert.Equal(new WeekId(2026, 53), DueAt("2027-01-04T06:00:00Z"));
    }

    [Fact]
    public void The_due_time_comes_from_options()
    {
        var late = new DigestSchedule(Options.Create(new DigestOptions { DueAt = new TimeOnly(9, 30) }));
        Assert.Null(late.DueWeek(DateTimeOffset.Parse("2026-11-30T08:29:00Z", CultureInfo.InvariantCulture)));
        Assert.Equal(new WeekId(2026, 48), late.DueWeek(DateTimeOffset.Parse("2026-11-30T08:30:00Z", CultureInfo.InvariantCulture)));
    }
}
