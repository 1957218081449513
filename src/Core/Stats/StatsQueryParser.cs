using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Stats;

/// <summary>Reads a stats request's query-string values into a <see cref="StatsQuery"/>, or says per parameter what is wrong.</summary>
public sealed class StatsQueryParser(MunicipalityCatalog municipalities, TimeProvider time)
{
    public (StatsQuery? Query, IReadOnlyDictionary<string, string[]> Errors) Parse(string? from, string? to, string? municipality, string? kind = null)
    {
        var errors = new FieldErrors();
        var toWeek = ParseWeek(to, StatsQuery.ToField, "2026-W48", errors) ?? SwedishTime.WeekOf(time.GetUtcNow());
        var fromWeek = string.IsNullOrWhiteSpace(from) ? DefaultFrom(toWeek) : ParseWeek(from, StatsQuery.FromField, "2026-W40", errors);
        if (errors.Count == 0 && fromWeek > toWeek)
        {
            errors.Add(StatsQuery.FromField, "Från-veckan ligger efter till-veckan. / 'from' is after 'to'.");
        }
        else if (errors.Count == 0 && WeekId.CountBetween(fromWeek!.Value, toWeek) > StatsQuery.MaxWeeks)
        {
            errors.Add(StatsQuery.FromField, $"Högst {StatsQuery.MaxWeeks} veckor åt gången. / At most {StatsQuery.MaxWeeks} weeks at a time.");
        }

        var covered = Covered(municipality, errors);
        var kindId = KindOf(kind, errors);
        return errors.Count > 0
            ? (null, errors.ToDictionary())
            : (new StatsQuery(fromWeek!.Value, toWeek, covered, kindId), new Dictionary<string, string[]>());
    }

    /// <summary>The kind ids are the API's (<c>tip</c>, <c>idea</c>, <c>feedback</c>); none or <c>all</c> means every kind.</summary>
    internal static string? KindOf(string? kind, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(kind) || string.Equals(kind.Trim(), StatsQuery.All, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var id = kind.Trim().ToLowerInvariant();
        if (Enum.GetNames<TipKind>().Any(n => n.Equals(id, StringComparison.OrdinalIgnoreCase)))
        {
            return id;
        }

        errors.Add(StatsQuery.KindField, "Välj tip, idea, feedback eller all. / Choose tip, idea, feedback or all.");
        return null;
    }

    private static WeekId? ParseWeek(string? value, string field, string example, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (WeekId.TryParse(value, null, out var week))
        {
            return week;
        }

        errors.Add(field, $"Ange en ISO-vecka som {example}. / Give an ISO week such as {example}.");
        return null;
    }

    private IReadOnlyList<Municipality> Covered(string? municipality, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(municipality) || string.Equals(municipality.Trim(), StatsQuery.All, StringComparison.OrdinalIgnoreCase))
        {
            return municipalities.All;
        }

        if (municipalities.TryFind(municipality, out var one))
        {
            return [one];
        }

        var ids = string.Join(", ", municipalities.All.Select(m => m.Id));
        errors.Add(StatsQuery.MunicipalityField, $"Välj en av kommunerna: {ids}. / Choose one of the municipalities: {ids}.");
        return [];
    }

    /// <summary>Eight weeks back from <paramref name="to"/>, but never before the first week a WeekId can hold.</summary>
    private static WeekId DefaultFrom(WeekId to)
    {
        var from = to;
        for (var i = 1; i < StatsQuery.DefaultWeeks && from > WeekId.MinValue; i++)
        {
            from = from.Previous();
        }

        return from;
    }
}
