using Grastorp.Intake.DevHost.Discovery;
using Grastorp.Intake.DevHost.Resilience;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grastorp.Intake.DevHost;

/// <summary>
/// Stands in for the Functions host where Core Tools cannot run: the same function classes, found from their own
/// attributes; HTTP functions on ASP.NET Core routes, queue and timer functions driven by the WebJobs SDK (real
/// queue polling, poison queue, timer with a storage lock).
/// </summary>
internal static class FunctionHostRegistration
{
    public static WebApplicationBuilder AddFunctionHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<ITypeLocator>(new TriggerTypeLocator(WebJobsTriggerTypes.Build(FunctionCatalog.All)));

        var queues = builder.Configuration.GetSection("extensions:queues");
        builder.Host.ConfigureWebJobs(webJobs => webJobs
            .AddAzureStorageCoreServices()
            .AddAzureStorageQueues(options => queues.Bind(options))
            .AddTimers());

        // A storage outage must not end the process, and the queue listener must outlive it (see Resilience/).
        builder.Services.RemoveAll<IWebJobsExceptionHandlerFactory>();
        builder.Services.AddSingleton<SurvivingExceptionHandler>();
        builder.Services.AddSingleton<IWebJobsExceptionHandlerFactory>(provider => provider.GetRequiredService<SurvivingExceptionHandler>());
        OutageTolerantComponentFactory.Decorate(builder.Services);
        // Nor must a lock that storage cannot release at shutdown turn a SIGTERM into an abort.
        LettingGoLockManager.Decorate(builder.Services);

        builder.Services.RemoveAll<ScheduleMonitor>();
        builder.Services.AddSingleton<ScheduleMonitor, InMemoryScheduleMonitor>();

        // Outside Development mode WebJobs holds the timer's listener lock for a minute after a restart (azure-webjobs-sdk#1907).
        builder.Services.Configure<SingletonOptions>(options => options.ListenerLockPeriod = TimeSpan.FromSeconds(15));
        return builder;
    }
}
