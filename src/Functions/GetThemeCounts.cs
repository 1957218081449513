using Grastorp.Intake.Core.Stats;
using Grastorp.Intake.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.Functions;

/// <summary>Staff read tip counts per theme and week, per municipality and together.</summary>
public sealed class GetThemeCounts(ThemeStatsService stats)
{
    [Function(nameof(GetThemeCounts))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/stats")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await stats.QueryAsync(
            request.Query[StatsQuery.FromField],
            request.Query[StatsQuery.ToField],
            request.Query[StatsQuery.MunicipalityField], request.Query[StatsQuery.KindField], cancellationToken);
        return outcome.Stats is null ? IntakeResults.ValidationProblem(outcome.Errors) : new OkObjectResult(outcome.Stats);
    }
}
