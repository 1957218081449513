using Grastorp.Intake.Classification;
using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.TestKit;
using Grastorp.Intake.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.Core.Tests;

/// <summary>Core's real registration against an Azurite account of the test's own, with a fake clock.</summary>
internal static class IntakeTestServices
{
    public static ServiceProvider Create(TimeProvider time, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            // An account is drawn only when the test brings none: each assembly has a fixed range of them.
            ["AzureWebJobsStorage"] = settings?.TryGetValue("AzureWebJobsStorage", out var own) == true ? own : AzuriteAccounts.NewConnectionString(),
            ["Digest:From"] = "tips@grastorp-intake.example",
            ["Privacy:Key"] = "test-privacy-key-0123456789abcdef0123456789",
            ["DIGEST_SCHEDULE"] = "0 0 4-8 * * 1",
            ["Digest:Recipients:0:Id"] = "kommunpolis",
            ["Digest:Recipients:0:Addresses:0"] = "kommunpolis@grastorp-intake.example",
            ["Digest:Recipients:0:Audience"] = "Kommunpolis",
            ["Digest:PickupDirectory"] = Directory.CreateTempSubdirectory("digests-").FullName,
            ["Site:BaseUrl"] = "https://tips.grastorp.example",
            ["Site:ContactEmail"] = "kommunpolis@grastorp-intake.example",
            ["Site:DataProtectionOfficerEmail"] = "dataskyddsombud@grastorp-intake.example",
            // Every test submits from one (unknown) client: limits far above what a test sends; RateLimitTests set low ones.
            ["RateLimit:PerTenMinutes"] = "1000",
            ["RateLimit:LookupsPerTenMinutes"] = "1000",
            ["RateLimit:ChecksPerTenMinutes"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        // The pipeline tests classify for real, as the queue function does.
        services.AddIntakeCore(configuration).AddThemeClassifier(configuration).AddIntakePages();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A Thursday afternoon in week 2026-W48, Swedish time.</summary>
    public static FakeTimeProvider InWeek48() => new(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.FromHours(1)));
}
