using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Digest.Scheduling;

/// <summary>
/// Which weeks a firing sends for a list, oldest first: the due week, and every week of the look-back window that was
/// never sent although an earlier week of the window was (the app was down, or every firing of that Monday failed).
/// Without any sent week in the window (a new installation, or an outage longer than the window) only the due week
/// goes out, so a first start does not mail a string of old, empty digests.
/// </summary>
public static class DigestCatchUp
{
    public static WeekId FirstOfWindow(WeekId due, int catchUpWeeks)
    {
        var first = due;
        for (var i = 0; i < catchUpWeeks && first > WeekId.MinValue; i++)
        {
            first = first.Previous();
        }

        return first;
    }

    public static IReadOnlyList<WeekId> WeeksToSend(WeekId due, int catchUpWeeks, IReadOnlySet<WeekId> sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var window = WeekId.Range(FirstOfWindow(due, catchUpWeeks), due.Previous()).ToList();
        var firstSent = window.FindIndex(sent.Contains);
        if (firstSent < 0)
        {
            return [due];
        }

        return [.. window.Skip(firstSent + 1).Where(w => !sent.Contains(w)), due];
    }
}
