using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Grastorp.Intake.DevHost.Discovery;

/// <summary>One function of the Functions app: its name, class and method, and the trigger on its parameters.</summary>
internal sealed record DiscoveredFunction(string Name, Type Type, MethodInfo Method)
{
    public HttpTriggerAttribute? Http => Trigger<HttpTriggerAttribute>();

    public QueueTriggerAttribute? Queue => Trigger<QueueTriggerAttribute>();

    public TimerTriggerAttribute? Timer => Trigger<TimerTriggerAttribute>();

    /// <summary>The trigger kind as functions.metadata names it, so both hosts' lists can be compared.</summary>
    public string TriggerType => Http is not null ? "httpTrigger" : Queue is not null ? "queueTrigger" : Timer is not null ? "timerTrigger" : "unsupported";

    private T? Trigger<T>()
        where T : Attribute =>
        Method.GetParameters().Select(p => p.GetCustomAttribute<T>()).FirstOrDefault(a => a is not null);
}
