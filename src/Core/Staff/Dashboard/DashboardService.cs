using Grastorp.Intake.Core.Stats;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Core.Staff.Dashboard;

/// <summary>Answers the dashboard (and its CSV) from the counter rows, through the same stats service as /api/stats.</summary>
public sealed class DashboardService(DashboardParser parser, ThemeStatsService stats, ThemeCatalog catalog)
{
    public const string AllMunicipalitiesName = "Alla kommuner";

    /// <summary>The view, or per form field what is wrong (and then no view).</summary>
    public async Task<(DashboardView? View, IReadOnlyDictionary<string, string[]> Errors)> ShowAsync(DashboardRequest request, CancellationToken cancellationToken)
    {
        var (query, errors) = parser.Parse(request);
        if (query is null)
        {
            return (null, errors);
        }

        var current = await stats.GetAsync(query.Current, cancellationToken).ConfigureAwait(false);
        var previous = await stats.GetAsync(query.Previous, cancellationToken).ConfigureAwait(false);
        var one = query.Current.Municipalities.Count == 1 ? current.Municipalities[0] : null;
        var themes = current.Themes.Select(t => new ThemeColumn(t, catalog.NameOf(t))).ToList();
        return (new DashboardView(query, one?.Name ?? AllMunicipalitiesName, themes, one?.Counts ?? current.All, (previous.Municipalities.Count == 1 ? previous.Municipalities[0].Counts : previous.All).Total), errors);
    }
}
