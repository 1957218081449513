using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using WebJobs = Microsoft.Azure.WebJobs;

namespace Grastorp.Intake.DevHost.Discovery;

/// <summary>
/// Calls a function of the Functions app for a WebJobs trigger built by <see cref="WebJobsTriggerTypes"/>: creates
/// the function class from the container, as the worker does per invocation, and turns WebJobs' TimerInfo into the
/// worker's. Public because the generated classes live in an assembly of their own.
/// </summary>
public sealed class FunctionInvoker(IServiceProvider services)
{
    private static readonly Dictionary<string, DiscoveredFunction> Functions = FunctionCatalog.All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public Task InvokeAsync(string function, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var target = Functions[function];
        var instance = target.Method.IsStatic ? null : ActivatorUtilities.GetServiceOrCreateInstance(services, target.Type);
        var converted = arguments.Select(a => a is WebJobs.TimerInfo timer ? new TimerInfo { IsPastDue = timer.IsPastDue } : a).ToArray();
        return (Task)target.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, converted, culture: null)!;
    }
}
