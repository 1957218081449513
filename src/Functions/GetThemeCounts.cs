using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Stats;
using Grastorp.Intake.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>Staff read tip counts per theme and week, per municipality and together.</summary>
public sealed class GetThemeCounts(ThemeStatsService stats, MunicipalityCatalog municipalities, TimeProvider time)
{
    [Function(nameof(GetThemeCounts))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "stats")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (query, errors) = StatsQuery.Parse(
            request.Query[StatsQuery.FromField], request.Query[StatsQuery.ToField], request.Query[StatsQuery.MunicipalityField], municipalities, time);
        return query is null
            ? IntakeResults.ValidationProblem(errors)
            : new OkObjectResult(await stats.GetAsync(query, cancellationToken));
    }
}
