using System.Globalization;
using System.Reflection;
using Grastorp.Intake.Web.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace Grastorp.Intake.DevHost.Discovery;

/// <summary>
/// Serves each HTTP function on the route and methods its <c>HttpTrigger</c> declares (host.json's routePrefix is
/// empty, so routes are written in full), by calling the function's own method and executing the result it returns.
/// Authorization levels are not enforced: the DevHost listens on loopback only.
/// </summary>
internal static class HttpFunctionEndpoints
{
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder routes, IEnumerable<DiscoveredFunction> functions)
    {
        foreach (var function in functions.Where(f => f.Http is not null))
        {
            var trigger = function.Http!;
            var methods = trigger.Methods is { Length: > 0 } ? trigger.Methods.Select(m => m.ToUpperInvariant()) : ["GET", "POST"];
            var invocation = new Invocation(function);
            routes.MapMethods("/" + (trigger.Route ?? function.Name), methods, context => InvokeGuardedAsync(context, invocation))
                .WithName(function.Name);
        }

        return routes;
    }

    /// <summary>The worker's FaultMiddleware, on this host: the same headers and the same answers to the same faults.</summary>
    private static async Task InvokeGuardedAsync(HttpContext context, Invocation invocation)
    {
        ApiHeaders.ApplyOnStarting(context);
        TransportSecurity.ApplyOnStarting(context);
        try
        {
            await InvokeAsync(context, invocation).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (!await HttpFaults.TryAnswerAsync(e, context, context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpFaults))).ConfigureAwait(false))
            {
                throw;
            }
        }
    }

    private static async Task InvokeAsync(HttpContext context, Invocation invocation)
    {
        var function = invocation.Function;
        var instance = invocation.CreateInstance(context.RequestServices);
        var arguments = new object?[invocation.Parameters.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Bind(invocation.Parameters[i], context);
        }

        var returned = function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        var result = returned switch
        {
            Task<IActionResult> pending => await pending.ConfigureAwait(false),
            IActionResult done => done,
            _ => throw new InvalidOperationException($"{function.Name} must return IActionResult or Task<IActionResult> to run on the DevHost."),
        };
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
    }

    private static object? Bind(ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }

        // Like the worker, other parameters bind from the route's values by name.
        var value = context.GetRouteValue(parameter.Name!);
        return value is null ? null : Convert.ChangeType(value, Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// What every call of one function needs, worked out once at start-up rather than by reflecting over its
    /// constructor and parameters on every request.
    /// </summary>
    private sealed class Invocation(DiscoveredFunction function)
    {
        private readonly ObjectFactory? _factory = function.Method.IsStatic ? null : ActivatorUtilities.CreateFactory(function.Type, Type.EmptyTypes);

        public DiscoveredFunction Function => function;

        public ParameterInfo[] Parameters { get; } = function.Method.GetParameters();

        /// <summary>The worker creates the function class for each invocation from the container; so does this.</summary>
        public object? CreateInstance(IServiceProvider services) =>
            _factory is null ? null : services.GetService(function.Type) ?? _factory(services, null);
    }
}
