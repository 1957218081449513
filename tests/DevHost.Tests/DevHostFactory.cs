using Azure.Storage.Queues;
using Grastorp.Intake.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>
/// The real DevHost (routes, WebJobs queue polling, poison handling) on an Azurite account of its own, with
/// retries made fast and every log line captured.
/// </summary>
internal sealed class DevHostFactory(
    Action<IServiceCollection>? configureServices = null, string? connectionString = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Grastorp.Intake.DevHost.EntryPoint>
{
    public string ConnectionString { get; } = connectionString ?? AzuriteAccounts.NewConnectionString();

    public string PickupDirectory { get; } = Directory.CreateTempSubdirectory("digests-").FullName;

    public CapturedLogs Logs { get; } = new();

    public QueueClient Queue(string name) =>
        new(ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (Exception e) when (IsStopRace(e))
        {
        }
    }

    /// <summary>
    /// What starting a host threw. A host whose start fails can surface WebJobs' race instead of its failure (an
    /// ObjectDisposedException from the provider the failed start disposed, seen on a loaded machine with WebJobs
    /// 3.0.48); a fresh host is started then, three times at most.
    /// </summary>
    public static Exception StartUpFailure(Func<WebApplicationFactory<EntryPoint>> create)
    {
        for (var attempt = 1; ; attempt++)
        {
            var host = create();
            Exception error;
            try
            {
                error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
            }
            finally
            {
                // The failed host's own stop can meet the same race; it is down either way.
                DevHostFactory.StopAsync(host).AsTask().GetAwaiter().GetResult();
            }

            if (error is not ObjectDisposedException || attempt == 3)
            {
                return error;
            }
        }
    }

    /// <summary>Disposes a host made by <c>WithWebHostBuilder</c> (not a DevHostFactory) past the same race.</summary>
    public static async ValueTask StopAsync(WebApplicationFactory<EntryPoint> host)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            await host.DisposeAsync();
        }
        catch (Exception e) when (IsStopRace(e))
        {
        }
    }

    /// <summary>
    /// WebJobs' OptionsLoggingService cancels its own, already disposed, token when a host stops moments after
    /// starting or failing to start (seen in Microsoft.Azure.WebJobs 3.0.48); the host is down either way.
    /// </summary>
    private static bool IsStopRace(Exception e) =>
        e is ObjectDisposedException || (e is AggregateException all && all.InnerExceptions.All(i => i is ObjectDisposedException));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("AzureWebJobsStorage", ConnectionString);
        builder.UseSetting("Digest:PickupDirectory", PickupDirectory);
        builder.UseSetting("extensions:queues:visibilityTimeout", "00:00:00");
        builder.UseSetting("extensions:queues:maxPollingInterval", "00:00:00.500");
        // Every test posts from one client: limits of their own, far above what a test sends (RateLimitTests set low ones).
        builder.UseSetting("RateLimit:PerTenMinutes", "1000");
        builder.UseSetting("RateLimit:ChecksPerTenMinutes", "10000");
        builder.UseSetting("RateLimit:LookupsPerTenMinutes", "1000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        // A rule for this provider alone outranks appsettings' category levels, so every line reaches the capture.
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }
}
