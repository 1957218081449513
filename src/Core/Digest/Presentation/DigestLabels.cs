using System.Globalization;
using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Digest.Presentation;

/// <summary>
/// The Swedish words and formats the digest shows for kinds, dates and numbers, in one place. Theme names come from
/// the theme catalogue (src/Core/Themes), which the pages share.
/// </summary>
public static class DigestLabels
{
    public static CultureInfo Swedish { get; } = CultureInfo.GetCultureInfo("sv-SE");

    private static readonly Dictionary<string, string> KindNames = new(StringComparer.Ordinal)
    {
        ["tip"] = "Tips",
        ["idea"] = "Idé",
        ["feedback"] = "Synpunkt",
    };

    private static readonly string[] Months = ["jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"];

    private static readonly string[] Days = ["sön", "mån", "tis", "ons", "tors", "fre", "lör"];

    public static string Kind(string id) => KindNames.TryGetValue(id, out var name) ? name : id;

    /// <summary><c>23–29 nov</c>, <c>30 nov–6 dec</c>: the week's Monday to Sunday, short enough for a subject.</summary>
    public static string ShortPeriod(WeekId week)
    {
        var (monday, sunday) = (week.Monday, week.Monday.AddDays(6));
        return monday.Month == sunday.Month
            ? $"{monday.Day}–{sunday.Day} {Months[sunday.Month - 1]}"
            : $"{monday.Day} {Months[monday.Month - 1]}–{sunday.Day} {Months[sunday.Month - 1]}";
    }

    /// <summary><c>23–29 nov 2026</c>.</summary>
    public static string Period(WeekId week) => $"{ShortPeriod(week)} {week.Monday.AddDays(6).Year}";

    /// <summary><c>mån 24 nov 18:30</c> in Swedish time, whatever the host's culture and zone.</summary>
    public static string Moment(DateTimeOffset instant)
    {
        var local = SwedishTime.ToLocal(instant);
        return string.Create(CultureInfo.InvariantCulture, $"{Days[(int)local.DayOfWeek]} {local.Day} {Months[local.Month - 1]} {local:HH:mm}");
    }

    /// <summary>+2, −3 (a true minus), ±0.</summary>
    public static string Change(int change) => change.ToString("+0;−0;±0", Swedish);

    /// <summary>An average with one decimal and a Swedish comma: 2,3.</summary>
    public static string Average(double average) => average.ToString("0.0", Swedish);

    public static string Count(int count) => count.ToString(Swedish);
}
