using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Stats;
using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Core.Staff.Dashboard;

/// <summary>
/// Reads the dashboard's GET form into a <see cref="DashboardQuery"/>: presets are worked out from today's Swedish
/// week; the comparison period is the same number of weeks just before. Wrong values get a message per field, in the
/// language of the page that asked. A viewer whose role covers only some municipalities (<see cref="StaffRole.Kommun"/>)
/// gets those for "alla" and an error for any other one: nobody sees another municipality's figures by editing a link.
/// </summary>
public sealed class DashboardParser(MunicipalityCatalog municipalities, TimeProvider time)
{
    public (DashboardQuery? Query, IReadOnlyDictionary<string, string[]> Errors) Parse(DashboardRequest request, Language language = Language.Swedish, StaffPrincipal? viewer = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var thisWeek = SwedishTime.WeekOf(time.GetUtcNow());
        var period = DashboardFields.ParsePeriod(request.Period);
        if (period is null)
        {
            errors.Add(DashboardFields.Period, StaffMessages.Get(StaffMessages.PeriodUnknown, language));
        }

        var (from, to) = period switch
        {
            DashboardPeriod.ThisYear => (new WeekId(thisWeek.Year, 1), thisWeek),
            DashboardPeriod.LastYear => (new WeekId(thisWeek.Year - 1, 1), LastWeekOf(thisWeek.Year - 1)),
            DashboardPeriod.Weeks => Range(request.From, request.To, thisWeek, errors, language),
            _ => (Back(thisWeek, StatsQuery.DefaultWeeks - 1), thisWeek),
        };

        Municipality[] covered = [];
        Municipality[] open = [.. municipalities.All.Where(m => viewer is null || viewer.Covers(m.Id))];
        var municipality = request.Municipality?.Trim();
        if (open.Length == 0)
        {
            municipality = DashboardFields.All;
            errors.Add(DashboardFields.Municipality, StaffMessages.Get(StaffMessages.NoMunicipality, language));
        }
        else if (string.IsNullOrEmpty(municipality) || municipality == DashboardFields.All)
        {
            municipality = DashboardFields.All;
            covered = open;
        }
        else if (municipalities.TryFind(municipality, out var one))
        {
            municipality = one.Id;
            covered = [one];
            if (!open.Contains(one))
            {
                errors.Add(DashboardFields.Municipality, StaffMessages.Get(StaffMessages.MunicipalityNotYours, language, string.Join(", ", open.Select(m => m.Name))));
            }
        }
        else
        {
            errors.Add(DashboardFields.Municipality, StaffMessages.Get(StaffMessages.MunicipalityUnknown, language));
        }

        var kindErrors = new FieldErrors();
        var kind = request.Kind?.Trim() == DashboardFields.All ? null : StatsQueryParser.KindOf(request.Kind, kindErrors);
        if (kindErrors.Count > 0)
        {
            errors.Add(DashboardFields.Kind, StaffMessages.Get(StaffMessages.KindUnknown, language));
        }

        if (errors.Count > 0)
        {
            return (null, errors.ToDictionary());
        }

        var weeks = WeekId.CountBetween(from, to);
        var previousTo = from > WeekId.MinValue ? from.Previous() : from;
        var previousFrom = Back(previousTo, weeks - 1);
        return (new DashboardQuery(
            period!.Value,
            municipality,
            kind ?? DashboardFields.All,
            new StatsQuery(from, to, covered, kind),
            new StatsQuery(previousFrom, previousTo, covered, kind)), new Dictionary<string, string[]>());
    }

    private static (WeekId From, WeekId To) Range(string? fromText, string? toText, WeekId thisWeek, FieldErrors errors, Language language)
    {
        var to = thisWeek;
        var from = Back(thisWeek, StatsQuery.DefaultWeeks - 1);
        if (!string.IsNullOrWhiteSpace(toText) && !WeekId.TryParse(toText, null, out to))
        {
            errors.Add(DashboardFields.To, StaffMessages.Get(StaffMessages.ToWeekFormat, language));
        }

        if (!string.IsNullOrWhiteSpace(fromText) && !WeekId.TryParse(fromText, null, out from))
        {
            errors.Add(DashboardFields.From, StaffMessages.Get(StaffMessages.FromWeekFormat, language));
        }

        if (errors.Count == 0 && from > to)
        {
            errors.Add(DashboardFields.From, StaffMessages.Get(StaffMessages.FromAfterTo, language));
        }
        else if (errors.Count == 0 && WeekId.CountBetween(from, to) > StatsQuery.MaxWeeks)
        {
            errors.Add(DashboardFields.From, StaffMessages.Get(StaffMessages.TooManyWeeks, language, StatsQuery.MaxWeeks));
        }

        return (from, to);
    }

    private static WeekId LastWeekOf(int year) => new(year, System.Globalization.ISOWeek.GetWeeksInYear(year));

    private static WeekId Back(WeekId week, int weeks)
    {
        for (var i = 0; i < weeks && week > WeekId.MinValue; i++)
        {
            week = week.Previous();
        }

        return week;
    }
}
