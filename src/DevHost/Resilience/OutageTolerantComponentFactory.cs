using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using Grastorp.Intake.Core.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grastorp.Intake.DevHost.Resilience;

/// <summary>
/// Wraps the factory the WebJobs storage extensions build their clients with, so those clients get
/// <see cref="UnreachableAsUnavailableHandler"/> and Core's short retry budget, except that the queue listener's clients
/// wait longer for a slow answer (see <see cref="ListenerNetworkTimeout"/>).
/// </summary>
internal sealed class OutageTolerantComponentFactory(AzureComponentFactory inner) : AzureComponentFactory
{
    /// <summary>
    /// The queue listener's receive, delete and release are not worth giving up on: no resident waits for them, and
    /// one given up strands messages. WebJobs (Storage.Queues 5.3.10, <c>QueueListener</c>) takes messages with a fixed
    /// 10-minute lease and renews it only while the function runs; a receive that times out after storage handed out
    /// the batch, or a delete or release after the function that times out, leaves those messages invisible for the
    /// rest of the 10 minutes. With Core's 5 s, a slow Azurite holding 10,000 messages stranded 31 of them in one drain
    /// (the drain benchmark, bench/RESULTS.md). Unreachable storage still fails at once (connect timeout, <see cref="UnreachableAsUnavailableHandler"/>),
    /// so outages are seen as quickly as before; a delete retried after a first try that landed gets 404, which
    /// WebJobs ignores.
    /// </summary>
    internal static readonly TimeSpan ListenerNetworkTimeout = TimeSpan.FromSeconds(30);

    internal const int ListenerMaxRetries = 4;

    private static readonly HttpClientTransport Transport = new(new HttpClient(new UnreachableAsUnavailableHandler()));

    public override TokenCredential CreateTokenCredential(IConfiguration configuration) => inner.CreateTokenCredential(configuration);

    public override object CreateClientOptions(Type optionsType, object? serviceVersion, IConfiguration configuration)
    {
        var options = inner.CreateClientOptions(optionsType, serviceVersion, configuration);
        if (options is ClientOptions clientOptions)
        {
            StorageRetry.Apply(clientOptions);
            clientOptions.Transport = Transport;
            if (clientOptions is QueueClientOptions)
            {
                clientOptions.Retry.NetworkTimeout = ListenerNetworkTimeout;
                clientOptions.Retry.MaxRetries = ListenerMaxRetries;
            }
        }

        return options;
    }

    public override object CreateClient(Type clientType, IConfiguration configuration, TokenCredential credential, object clientOptions) =>
        inner.CreateClient(clientType, configuration, credential, clientOptions);

    /// <summary>Replaces the registered factory with this wrapper around it.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(AzureComponentFactory))
            ?? throw new InvalidOperationException("No AzureComponentFactory is registered; add the WebJobs storage services first.");
        services.RemoveAll<AzureComponentFactory>();
        services.AddSingleton<AzureComponentFactory>(provider => new OutageTolerantComponentFactory(Resolve(registered, provider)));
    }

    private static AzureComponentFactory Resolve(ServiceDescriptor registered, IServiceProvider provider) =>
        (AzureComponentFactory)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}
