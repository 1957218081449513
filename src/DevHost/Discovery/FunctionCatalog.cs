using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.DevHost.Discovery;

/// <summary>
/// Every function of the Functions app, found from the worker's own <see cref="FunctionAttribute"/>, so a new
/// function is one file in src/Functions and the DevHost needs no edit of its own.
/// </summary>
internal static class FunctionCatalog
{
    public static IReadOnlyList<DiscoveredFunction> All { get; } = Discover(typeof(Grastorp.Intake.Functions.SubmitTip).Assembly);

    public static IReadOnlyList<DiscoveredFunction> Discover(Assembly functions) =>
    [
        .. from type in functions.GetExportedTypes()
           from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
           let function = method.GetCustomAttribute<FunctionAttribute>()
           where function is not null
           orderby function.Name
           select new DiscoveredFunction(function.Name, type, method),
    ];
}
