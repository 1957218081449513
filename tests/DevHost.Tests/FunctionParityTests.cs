using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.WebJobs;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>
/// The DevHost runs exactly the functions the Functions host would index from functions.metadata, on the same
/// triggers: a function added to src/Functions shows up here with no DevHost edit, or this test names it.
/// </summary>
public sealed class FunctionParityTests : IDisposable
{
    private static readonly string Output = typeof(FunctionParityTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutput").Value!;

    private readonly DevHostFactory _host = new();

    private static IEnumerable<string> WorkerFunctions()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")));
        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            yield return Describe(function.GetProperty("name").GetString()!, trigger.GetProperty("type").GetString()!, trigger switch
            {
                _ when trigger.TryGetProperty("route", out var route) =>
                    string.Join(',', trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order()) + " /" + route.GetString(),
                _ when trigger.TryGetProperty("queueName", out var queue) => queue.GetString() + " on " + trigger.GetProperty("connection").GetString(),
                _ => trigger.GetProperty("schedule").GetString() + (trigger.GetProperty("runOnStartup").GetBoolean() ? " on start-up" : string.Empty),
            });
        }
    }

    private static string Describe(string name, string trigger, string detail) => $"{name}: {trigger} {detail}";

    private IEnumerable<string> DevHostFunctions()
    {
        _ = _host.CreateClient();
        var endpoints = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null))
        {
            var methods = string.Join(',', endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Order());
            yield return Describe(endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName, "httpTrigger", $"{methods} {endpoint.RoutePattern.RawText}");
        }

        foreach (var method in _host.Services.GetRequiredService<ITypeLocator>().GetTypes().SelectMany(t => t.GetMethods()))
        {
            if (method.GetCustomAttribute<FunctionNameAttribute>() is not { } name)
            {
                continue;
            }

            var parameters = method.GetParameters();
            if (parameters.Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()).SingleOrDefault(a => a is not null) is { } queue)
            {
                yield return Describe(name.Name, "queueTrigger", queue.QueueName + " on " + queue.Connection);
            }
            else if (parameters.Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).SingleOrDefault(a => a is not null) is { } timer)
            {
                yield return Describe(name.Name, "timerTrigger", timer.ScheduleExpression + (timer.RunOnStartup ? " on start-up" : string.Empty));
            }
        }
    }

    [Fact]
    public void The_DevHost_serves_every_function_of_functions_metadata_on_the_same_trigger_and_nothing_else()
    {
        Assert.Equal(WorkerFunctions().Order(), DevHostFunctions().Order());
    }

    [Fact]
    public void WebJobs_indexed_every_generated_queue_and_timer_function()
    {
        _ = _host.CreateClient();

        var found = string.Join('\n', _host.Logs.Lines.Where(l => l.Contains("Found the following functions", StringComparison.Ordinal)));

        Assert.Contains("Triggers.ClassifyTip.Run", found, StringComparison.Ordinal);
        Assert.Contains("Triggers.SendWeeklyDigest.Run", found, StringComparison.Ordinal);
    }

    public void Dispose() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
