using Azure.Core;
using Azure.Core.Pipeline;
using Grastorp.Intake.Core.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grastorp.Intake.DevHost.Resilience;

/// <summary>
/// Wraps the factory the WebJobs storage extensions build their clients with, so those clients get
/// <see cref="UnreachableAsUnavailableHandler"/> and the same short retry budget as Core's.
/// </summary>
internal sealed class OutageTolerantComponentFactory(AzureComponentFactory inner) : AzureComponentFactory
{
    private static readonly HttpClientTransport Transport = new(new HttpClient(new UnreachableAsUnavailableHandler()));

    public override TokenCredential CreateTokenCredential(IConfiguration configuration) => inner.CreateTokenCredential(configuration);

    public override object CreateClientOptions(Type optionsType, object? serviceVersion, IConfiguration configuration)
    {
        var options = inner.CreateClientOptions(optionsType, serviceVersion, configuration);
        if (options is ClientOptions clientOptions)
        {
            StorageRetry.Apply(clientOptions);
            clientOptions.Transport = Transport;
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
