using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace Grastorp.Intake.Core.Storage;

/// <summary>
/// Builds storage clients from the <c>AzureWebJobsStorage</c> connection the way the Functions host reads it:
/// either a connection string (<c>UseDevelopmentStorage=true</c> locally), or identity-based settings
/// (<c>__accountName</c>, or <c>__queueServiceUri</c>/<c>__tableServiceUri</c>, with <c>__credential</c> and <c>__clientId</c>).
/// </summary>
internal static class StorageConnection
{
    public static QueueServiceClient CreateQueueService(IConfiguration configuration, AzureComponentFactory factory, QueueClientOptions options)
    {
        var section = configuration.GetSection(StorageNames.Connection);
        return section.Value is { Length: > 0 } connectionString
            ? new QueueServiceClient(connectionString, options)
            : new QueueServiceClient(ServiceUri(section, "queue"), Credential(section, factory), options);
    }

    public static TableServiceClient CreateTableService(IConfiguration configuration, AzureComponentFactory factory, TableClientOptions options)
    {
        var section = configuration.GetSection(StorageNames.Connection);
        return section.Value is { Length: > 0 } connectionString
            ? new TableServiceClient(connectionString, options)
            : new TableServiceClient(ServiceUri(section, "table"), Credential(section, factory), options);
    }

    public static bool IsConfigured(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageNames.Connection);
        return !string.IsNullOrEmpty(section.Value) || !string.IsNullOrEmpty(section["accountName"])
            || (!string.IsNullOrEmpty(section["queueServiceUri"]) && !string.IsNullOrEmpty(section["tableServiceUri"]));
    }

    private static TokenCredential Credential(IConfigurationSection section, AzureComponentFactory factory) =>
        factory.CreateTokenCredential(section);

    private static Uri ServiceUri(IConfigurationSection section, string service)
    {
        if (section[$"{service}ServiceUri"] is { Length: > 0 } uri)
        {
            return new Uri(uri);
        }

        if (section["accountName"] is { Length: > 0 } accountName)
        {
            return new Uri($"https://{accountName}.{service}.core.windows.net/");
        }

        throw new InvalidOperationException(
            $"Storage is not configured: set {StorageNames.Connection} to a connection string, or " +
            $"{StorageNames.Connection}__accountName (or __{service}ServiceUri) for a managed identity.");
    }
}
