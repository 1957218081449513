using Grastorp.Intake.Core.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Cli.Tests;

/// <summary>What a CLI command that uses storage needs to start: the account, and the settings every host validates at start-up.</summary>
internal static class StorageSettings
{
    public static Dictionary<string, string?> For(string connection) => new()
    {
        ["AzureWebJobsStorage"] = connection,
        ["Privacy:Key"] = "cli-test-privacy-key-0123456789abcdef012345",
        ["Digest:From"] = "tips@grastorp-intake.example",
        ["DIGEST_SCHEDULE"] = "0 0 4-8 * * 1",
        ["Digest:Recipients:0:Id"] = "kommunpolis",
        ["Digest:Recipients:0:Addresses:0"] = "kommunpolis@grastorp-intake.example",
        ["Digest:Recipients:0:Audience"] = "Kommunpolis",
    };

    /// <summary>Core's services on the same account and settings, for a test to arrange what the command then reads.</summary>
    public static ServiceProvider CoreServices(string connection)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(For(connection)).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddIntakeCore(configuration).BuildServiceProvider();
    }
}
