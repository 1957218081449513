using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Storage;

/// <summary>Fails start-up, naming the setting, when no storage connection is configured at all.</summary>
internal sealed class StorageConnectionValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        StorageConnection.IsConfigured(configuration)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{StorageNames.Connection} is not set: give a connection string (UseDevelopmentStorage=true locally), or " +
                $"{StorageNames.Connection}__accountName (or __queueServiceUri and __tableServiceUri) for a managed identity.");
}
