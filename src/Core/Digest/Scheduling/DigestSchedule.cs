using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Settings;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Digest.Scheduling;

/// <summary>
/// Decides, from Swedish local time, which week's digest is due. The timer fires hourly in UTC over Monday morning;
/// only firings at or after <see cref="DigestOptions.DueAt"/> Swedish time, summer or winter, find a week due.
/// </summary>
public sealed class DigestSchedule(IOptions<DigestOptions> options)
{
    /// <summary>The app setting the timer's UTC schedule comes from (<c>%DIGEST_SCHEDULE%</c> in the trigger).</summary>
    public const string ScheduleSetting = DigestOptions.ScheduleSetting;

    /// <summary>Last week, if its digest is due at <paramref name="now"/>; otherwise null.</summary>
    public WeekId? DueWeek(DateTimeOffset now)
    {
        var thisWeek = SwedishTime.WeekOf(now);
        var dueAt = SwedishTime.AtLocal(thisWeek.Monday, options.Value.DueAt);
        return now >= dueAt ? thisWeek.Previous() : null;
    }
}
