using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Municipalities;

namespace Grastorp.Intake.Core.Stats;

/// <summary>A validated stats request: a week range and the municipalities it covers.</summary>
public sealed record StatsQuery(WeekId From, WeekId To, IReadOnlyList<Municipality> Municipalities)
{
    /// <summary>Two years: enough for any follow-up of the citizen promises, and a bound on the reads one request makes.</summary>
    public const int MaxWeeks = 106;

    /// <summary>Without a range: the last eight weeks, this one included.</summary>
    public const int DefaultWeeks = 8;

    public const string FromField = "from";
    public const string ToField = "to";
    public const string MunicipalityField = "municipality";

    /// <summary>Reads query-string values, returning either a query or the errors per parameter.</summary>
    public static (StatsQuery? Query, IReadOnlyDictionary<string, string[]> Errors) Parse(
        string? from, string? to, string? municipality, MunicipalityCatalog municipalities, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        ArgumentNullException.ThrowIfNull(time);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var thisWeek = SwedishTime.WeekOf(time.GetUtcNow());

        var toWeek = thisWeek;
        if (!string.IsNullOrWhiteSpace(to) && !WeekId.TryParse(to, null, out toWeek))
        {
            errors[ToField] = ["Ange en ISO-vecka som 2026-W48. / Give an ISO week such as 2026-W48."];
            toWeek = thisWeek;
        }

        WeekId fromWeek;
        if (string.IsNullOrWhiteSpace(from))
        {
            fromWeek = DefaultFrom(toWeek);
        }
        else if (!WeekId.TryParse(from, null, out fromWeek))
        {
            errors[FromField] = ["Ange en ISO-vecka som 2026-W40. / Give an ISO week such as 2026-W40."];
        }

        if (errors.Count == 0 && fromWeek > toWeek)
        {
            errors[FromField] = ["Från-veckan ligger efter till-veckan. / 'from' is after 'to'."];
        }
        else if (errors.Count == 0 && WeekId.CountBetween(fromWeek, toWeek) > MaxWeeks)
        {
            errors[FromField] = [$"Högst {MaxWeeks} veckor åt gången. / At most {MaxWeeks} weeks at a time."];
        }

        IReadOnlyList<Municipality> covered = municipalities.All;
        if (!string.IsNullOrWhiteSpace(municipality))
        {
            if (municipalities.TryFind(municipality, out var one))
            {
                covered = [one];
            }
            else
            {
                var ids = string.Join(", ", municipalities.All.Select(m => m.Id));
                errors[MunicipalityField] = [$"Välj en av kommunerna: {ids}. / Choose one of the municipalities: {ids}."];
            }
        }

        return errors.Count > 0 ? (null, errors) : (new StatsQuery(fromWeek, toWeek, covered), errors);
    }

    /// <summary>Eight weeks back from <paramref name="to"/>, but never before the first week a WeekId can hold.</summary>
    private static WeekId DefaultFrom(WeekId to)
    {
        var from = to;
        for (var i = 1; i < DefaultWeeks && from > WeekId.MinValue; i++)
        {
            from = from.Previous();
        }

        return from;
    }
}
