using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Storage;

/// <summary>Fails start-up, naming the setting, when no storage connection is configured at all.</summary>
internal sealed class StorageConnectionValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (StorageConnection.IsConfigured(configuration))
        {
            return Unparsable(configuration.GetSection(StorageNames.Connection).Value) is { } reason
                ? ValidateOptionsResult.Fail($"{StorageNames.Connection} is not a valid storage connection string: {reason}")
                : ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
                $"{StorageNames.Connection} is not set: give a connection string (UseDevelopmentStorage=true locally), or " +
                $"{StorageNames.Connection}__accountName (or __queueServiceUri and __tableServiceUri) for a managed identity.");
    }

    /// <summary>
    /// Why a connection string cannot be used (an account key that is not base64, a broken endpoint), found here at
    /// start-up instead of deep in the WebJobs indexer; never quoting the string, which holds the key.
    /// </summary>
    private static string? Unparsable(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return null;
        }

        try
        {
            _ = new Azure.Storage.Queues.QueueServiceClient(connectionString);
            _ = new Azure.Data.Tables.TableServiceClient(connectionString);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            return e is FormatException ? "the account key is not valid base64" : "it could not be read (check AccountName, AccountKey and the endpoints)";
        }
    }
}
