using System.Diagnostics;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.DevHost;

/// <summary>
/// Request telemetry without the values in the path: a status check's path holds the resident's reference, a pseudonym
/// of a tip that may name people. the lines that print a path or a storage URL are switched off for every logger
/// (see <see cref="PathCarrying"/>), and this one logs the route template (<c>api/tips/{reference}</c>) instead.
/// </summary>
internal static partial class RouteTemplateRequestLog
{
    /// <summary>
    /// Log categories whose lines carry request paths or storage URLs, with the level below which they are dropped:
    /// ASP.NET Core's request lines and route matching print the path (a reference), and the Azure SDK's request lines
    /// print table keys (receipts are keyed by reference). Storage failures that matter are logged by our own code.
    /// Routing's "Executing endpoint" line at Information is one more line per request, so Warning.
    /// </summary>
    private static readonly (string Category, LogLevel Level)[] PathCarrying =
    [
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None),
        ("Microsoft.AspNetCore.Routing", LogLevel.Warning),
        ("Azure.Core", LogLevel.None),
    ];

    public static WebApplicationBuilder AddRouteTemplateRequestLog(this WebApplicationBuilder builder)
    {
        // After every other rule, and per provider, so no provider-specific rule can turn the URL lines back on.
        builder.Services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>>(new PostConfigureOptions<LoggerFilterOptions>(Options.DefaultName, options =>
        {
            foreach (var provider in options.Rules.Select(r => r.ProviderName).Distinct().ToList())
            {
                foreach (var (category, level) in PathCarrying)
                {
                    options.Rules.Add(new LoggerFilterRule(provider, category, level, null));
                }
            }
        }));
        return builder;
    }

    public static IApplicationBuilder UseRouteTemplateRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Grastorp.Intake.DevHost.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogRequest(logger, context.Request.Method, template, context.Response.StatusCode, elapsedMs);
            }
        });
    }

    // Debug: a line per request is noise at the default level ("Logging:LogLevel:Grastorp.Intake.DevHost.Requests": "Debug" shows it).
    [LoggerMessage(Level = LogLevel.Debug, Message = "HTTP {Method} {RouteTemplate} answered {StatusCode} in {ElapsedMs:0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string routeTemplate, int statusCode, double elapsedMs);
}
