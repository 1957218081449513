using Grastorp.Intake.Web.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Grastorp.Intake.Functions;

/// <summary>The worker's side of <see cref="HttpFaults"/>, <see cref="ApiHeaders"/> and <see cref="TransportSecurity"/>; the DevHost calls the same three.</summary>
internal sealed class FaultMiddleware(ILogger<FaultMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }

        ApiHeaders.ApplyOnStarting(http);
        TransportSecurity.ApplyOnStarting(http);
        try
        {
            await next(context);
        }
        catch (Exception e)
        {
            if (!await HttpFaults.TryAnswerAsync(e, http, logger))
            {
                throw;
            }
        }
    }
}
