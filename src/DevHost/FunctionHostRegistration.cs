using Grastorp.Intake.DevHost.Jobs;
using Grastorp.Intake.Functions;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grastorp.Intake.DevHost;

/// <summary>
/// Stands in for the Functions host where Core Tools cannot run: the same function classes, their triggers driven by
/// the WebJobs SDK (real queue polling, poison queue, timer with a storage lock) and ASP.NET Core routes.
/// </summary>
internal static class FunctionHostRegistration
{
    public static WebApplicationBuilder AddFunctionHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton<SubmitTip>();
        builder.Services.AddSingleton<GetTipStatus>();
        builder.Services.AddSingleton<GetThemeCounts>();
        builder.Services.AddSingleton<ClassifyTip>();
        builder.Services.AddSingleton<SendWeeklyDigest>();

        var queues = builder.Configuration.GetSection("extensions:queues");
        builder.Host.ConfigureWebJobs(webJobs => webJobs
            .AddAzureStorageCoreServices()
            .AddAzureStorageQueues(options => queues.Bind(options))
            .AddTimers());

        builder.Services.RemoveAll<ScheduleMonitor>();
        builder.Services.AddSingleton<ScheduleMonitor, InMemoryScheduleMonitor>();

        // Outside Development mode WebJobs holds the timer's listener lock for a minute after a restart (azure-webjobs-sdk#1907).
        builder.Services.Configure<SingletonOptions>(options => options.ListenerLockPeriod = TimeSpan.FromSeconds(15));
        builder.Services.AddSingleton<TipQueueJob>();
        builder.Services.AddSingleton<DigestTimerJob>();
        return builder;
    }
}
