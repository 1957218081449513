using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Stats;
using Grastorp.Intake.Core.Stats.EarlyWarning;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Core.Staff.Dashboard;

/// <summary>Answers the dashboard (and its CSV) from the rollup table (never the tips), through the same stats service as /api/stats.</summary>
public sealed class DashboardService(DashboardParser parser, ThemeStatsService stats, ThemeCatalog catalog, EarlyWarningService earlyWarning)
{
    /// <summary>
    /// The view, or per form field what is wrong (and then no view); names and messages in <paramref name="language"/>;
    /// only the municipalities <paramref name="viewer"/>'s roles cover.
    /// </summary>
    public async Task<(DashboardView? View, IReadOnlyDictionary<string, string[]> Errors)> ShowAsync(DashboardRequest request, Language language, StaffPrincipal viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var (query, errors) = parser.Parse(request, language, viewer);
        if (query is null)
        {
            return (null, errors);
        }

        var current = await stats.GetAsync(query.Current, cancellationToken).ConfigureAwait(false);
        var previous = await stats.GetAsync(query.Previous, cancellationToken).ConfigureAwait(false);
        var one = query.Current.Municipalities.Count == 1 ? current.Municipalities[0] : null;
        var themes = current.Themes.Select(t => new ThemeColumn(t, catalog.NameOf(t, language.Code()))).ToList();
        var scope = one?.Name ?? StaffMessages.Get(StaffMessages.AllMunicipalities, language);
        var before = (previous.Municipalities.Count == 1 ? previous.Municipalities[0].Counts : previous.All).Total;
        var warnings = await earlyWarning.FlagsAsync(query.Current.To, query.Current.Municipalities, cancellationToken, language.Code()).ConfigureAwait(false);
        return (new DashboardView(query, scope, themes, one?.Counts ?? current.All, before, language) { Warnings = warnings }, errors);
    }
}
