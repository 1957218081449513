using Azure.Data.Tables;
using Azure.Storage.Queues;
using Grastorp.Intake.Core.Tips.Store.Rollup;
using Grastorp.Intake.Core.Storage;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Ceiling;

/// <summary>Clients for the storage the DevHost uses, from the same connection-string setting.</summary>
internal static class Storage
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("AzureWebJobsStorage") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("Set AzureWebJobsStorage to the Azurite connection string.");

    /// <summary>Base64, as the queue triggers (and the intake) write it.</summary>
    public static QueueClient Queue(string name) =>
        new(ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public static TableClient Table(string name) => new(ConnectionString, name);

    /// <summary>The rollup's own store on the default table names, as the DevHost runs it.</summary>
    public static CountRollupStore RollupStore() =>
        new(new IntakeTables(new TableServiceClient(ConnectionString), Options.Create(new StorageOptions())));
}
