using Grastorp.Intake.Functions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace Grastorp.Intake.DevHost;

/// <summary>The Functions app's HTTP routes under /api, each calling the function's own method and result.</summary>
internal static class FunctionRoutes
{
    public static WebApplication MapFunctionRoutes(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/tips", (HttpContext context, SubmitTip function) =>
            ExecuteAsync(context, function.Run(context.Request, context.RequestAborted)));
        api.MapGet("/tips/{reference}", (HttpContext context, string reference, GetTipStatus function) =>
            ExecuteAsync(context, function.Run(context.Request, reference, context.RequestAborted)));
        api.MapGet("/stats", (HttpContext context, GetThemeCounts function) =>
            ExecuteAsync(context, function.Run(context.Request, context.RequestAborted)));
        return app;
    }

    private static async Task ExecuteAsync(HttpContext context, Task<IActionResult> result) =>
        await (await result).ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
}
