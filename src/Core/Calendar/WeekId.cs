using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Grastorp.Intake.Core.Calendar;

/// <summary>An ISO-8601 week, written <c>2026-W48</c>: the unit tips are counted and digested in.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WeekIdJsonConverter))]
public readonly record struct WeekId : IComparable<WeekId>, IParsable<WeekId>
{
    public WeekId(int year, int week)
    {
        if (year is < 2000 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The ISO year must be between 2000 and 9998.");
        }

        if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, $"ISO year {year} has no week {week}.");
        }

        Year = year;
        Week = week;
    }

    /// <summary>The first week a WeekId holds: nothing in this system happened before it.</summary>
    public static WeekId MinValue { get; } = new(2000, 1);

    public int Year { get; }

    public int Week { get; }

    /// <summary>The Monday the week starts on.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public static WeekId Containing(DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        return new WeekId(ISOWeek.GetYear(dateTime), ISOWeek.GetWeekOfYear(dateTime));
    }

    public WeekId Previous() => Containing(Monday.AddDays(-7));

    public WeekId Next() => Containing(Monday.AddDays(7));

    /// <summary>Every week from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<WeekId> Range(WeekId from, WeekId to)
    {
        if (from > to)
        {
            yield break;
        }

        // Never steps past 'to', so a range ending in the last representable week does not overflow.
        for (var week = from; ; week = week.Next())
        {
            yield return week;
            if (week == to)
            {
                yield break;
            }
        }
    }

    /// <summary>How many weeks the range holds, both ends included; 0 when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public static int CountBetween(WeekId from, WeekId to) =>
        Math.Max(0, (to.Monday.DayNumber - from.Monday.DayNumber) / 7 + 1);

    public int CompareTo(WeekId other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    public static bool operator <(WeekId left, WeekId right) => left.CompareTo(right) < 0;

    public static bool operator >(WeekId left, WeekId right) => left.CompareTo(right) > 0;

    public static bool operator <=(WeekId left, WeekId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(WeekId left, WeekId right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");

    public static WeekId Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var week) ? week : throw new FormatException($"'{s}' is not an ISO week such as 2026-W48.");

    /// <summary>Reads <c>2026-W48</c> (also <c>2026-w48</c> and <c>2026W48</c>).</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out WeekId result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(s))
        {
            return false;
        }

        var span = s.AsSpan().Trim();
        var w = span.IndexOfAny('W', 'w');
        if (w < 4)
        {
            return false;
        }

        var yearPart = span[..w].TrimEnd('-');
        var weekPart = span[(w + 1)..];
        if (yearPart.Length != 4 || weekPart.Length is < 1 or > 2
            || !int.TryParse(yearPart, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(weekPart, NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year is < 2000 or > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        result = new WeekId(year, week);
        return true;
    }
}
