using Grastorp.Intake.Classification;
using Grastorp.Intake.Core.DependencyInjection;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Cli;

/// <summary>
/// Builds the CLI's services through Core's one registration (<c>AddIntakeCore</c>, as the Functions app and the
/// DevHost do), so the CLI classifies exactly as the queue function does. Options are validated when first used, so
/// commands that never touch storage or the digest need no storage settings.
/// Settings come from appsettings.json beside the tool and from environment variables (Classifier__ExtraLexicons__0=…),
/// over the DevHost's development settings when the tool runs in development (<see cref="DevelopmentDefaults"/>).
/// </summary>
internal static class CliServices
{
    /// <summary>
    /// Services with the console's settings laid over the configuration, <c>Classifier:Kind</c> set to
    /// <paramref name="classifierKind"/> and, when given, <c>Classifier:Model</c> to <paramref name="model"/>.
    /// </summary>
    public static ServiceProvider Build(CliConsole console, string? classifierKind, string? model = null)
    {
        var overrides = new Dictionary<string, string?>(console.Settings) { [$"{ClassifierOptions.SectionName}:Kind"] = classifierKind ?? "lexicon" };
        if (model is not null)
        {
            overrides[$"{ClassifierOptions.SectionName}:Model"] = model;
        }

        IConfiguration Settings(IConfiguration? defaults)
        {
            var builder = new ConfigurationBuilder()
                // The CLI has no timer: the digest options' check of the timer schedule gets a placeholder it accepts,
                // which a DIGEST_SCHEDULE in the defaults, appsettings.json or the environment replaces.
                .AddInMemoryCollection(new Dictionary<string, string?> { [DigestOptions.ScheduleSetting] = "0 0 6 * * 1" });
            if (defaults is not null)
            {
                builder.AddConfiguration(defaults);
            }

            return builder
                .SetBasePath(AppContext.BaseDirectory)
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables()
                .AddInMemoryCollection(overrides)
                .Build();
        }

        var configuration = Settings(null);
        if (DevelopmentDefaults.IsDevelopment(console.EnvironmentName) && DevelopmentDefaults.StorageIsLocal(configuration))
        {
            configuration = Settings(DevelopmentDefaults.Read(AppContext.BaseDirectory));
            console.Error.WriteLine($"Development settings ({DevelopmentDefaults.FileName}, the DevHost's): set DOTNET_ENVIRONMENT=Production to leave them out.");
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddIntakeCore(configuration).AddThemeClassifier(configuration).AddIntakeWeb();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
