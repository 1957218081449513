using Azure.Data.Tables;
using Azure.Storage.Queues;
using Grastorp.Intake.Core.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Tests.Storage;

/// <summary>Both ways the Functions host reads AzureWebJobsStorage: a connection string, or identity-based settings.</summary>
public class StorageConnectionTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Digest:Recipients:0:Id"] = "kommunpolis";
        settings["Digest:Recipients:0:Addresses:0"] = "kommunpolis@grastorp-intake.example";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddIntakeCore(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void An_account_name_gives_the_account_s_https_endpoints_with_a_managed_identity()
    {
        using var services = Build(new()
        {
            ["AzureWebJobsStorage:accountName"] = "stgrastorp",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.Equal(new Uri("https://stgrastorp.queue.core.windows.net/"), services.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(new Uri("https://stgrastorp.table.core.windows.net/"), services.GetRequiredService<TableServiceClient>().Uri);
    }

    [Fact]
    public void Explicit_service_uris_win_over_the_account_name()
    {
        using var services = Build(new()
        {
            ["AzureWebJobsStorage:queueServiceUri"] = "https://queues.example.net/",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://tables.example.net/",
        });

        Assert.Equal(new Uri("https://queues.example.net/"), services.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(new Uri("https://tables.example.net/"), services.GetRequiredService<TableServiceClient>().Uri);
    }

    [Fact]
    public void A_connection_string_is_used_as_it_is()
    {
        using var services = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.Equal("devstoreaccount1", services.GetRequiredService<QueueServiceClient>().AccountName);
    }

    [Fact]
    public void Missing_storage_settings_fail_at_start_up_naming_the_setting()
    {
        using var services = Build([]);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<Core.Storage.StorageOptions>>().Value);
        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }
}
