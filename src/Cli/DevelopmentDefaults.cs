using Microsoft.Extensions.Configuration;

namespace Grastorp.Intake.Cli;

/// <summary>
/// The development settings the DevHost runs with (<c>src/DevHost/appsettings.json</c>, copied beside the tool as
/// <see cref="FileName"/>): one file both read, so <c>dotnet run --project src/Cli -- digest --week W --dry-run</c>
/// works next to <c>./run.sh</c> with no other setting. They are laid under everything else (appsettings.json, the
/// environment, a test's settings) and used only when all of these hold, so production settings never get them:
/// <list type="bullet">
/// <item>the environment is Development: <c>DOTNET_ENVIRONMENT=Development</c>, or no <c>DOTNET_ENVIRONMENT</c> at all
/// in a Debug build, which is what <c>dotnet run</c> from the source tree builds (a published tool is Release);
/// <c>DOTNET_ENVIRONMENT=Production</c> turns them off anywhere;</item>
/// <item>storage is local: <c>AzureWebJobsStorage</c> unset, development storage, or an endpoint on this machine
/// (Azurite). Set to a real account, the tool reads only its real settings and names any that are missing.</item>
/// </list>
/// When used, the tool says so on stderr (one line), so they are never silent.
/// </summary>
internal static class DevelopmentDefaults
{
    public const string FileName = "appsettings.Development.json";

    private const string StorageSetting = "AzureWebJobsStorage";

    /// <summary>Whether this build is a Debug one (what <c>dotnet run</c> builds), the default when no environment is named.</summary>
    private const bool DebugBuild =
#if DEBUG
        true;
#else
        false;
#endif

    public static bool IsDevelopment(string? environmentName) =>
        string.IsNullOrEmpty(environmentName) ? DebugBuild : string.Equals(environmentName, "Development", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="settings"/> (without the defaults) point storage at this machine, or nowhere yet.</summary>
    public static bool StorageIsLocal(IConfiguration settings)
    {
        var storage = settings.GetSection(StorageSetting);
        if (storage.GetChildren().Any())
        {
            return false; // AzureWebJobsStorage__accountName / __credential: an account reached by identity
        }

        var value = storage.Value;
        if (string.IsNullOrEmpty(value) || value.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // A connection string with its own endpoints (BlobEndpoint=…): local when there are some and every one is.
        var endpoints = value.Split(';')
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Trim().EndsWith("Endpoint", StringComparison.OrdinalIgnoreCase))
            .Select(pair => Uri.TryCreate(pair[1].Trim(), UriKind.Absolute, out var uri) ? uri : null)
            .ToList();
        return endpoints.Count > 0 && endpoints.All(uri => uri is { IsLoopback: true });
    }

    /// <summary>
    /// The defaults as a configuration source's values, with <c>Site:BaseUrl</c> taken from the DevHost's own address
    /// (<c>Urls</c>), as the DevHost does, when nothing else sets it.
    /// </summary>
    public static IConfiguration Read(string directory)
    {
        var defaults = new ConfigurationBuilder().SetBasePath(directory).AddJsonFile(FileName, optional: false).Build();
        var url = defaults["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(defaults["Site:BaseUrl"]) && Uri.TryCreate(url, UriKind.Absolute, out var address))
        {
            defaults["Site:BaseUrl"] = address.GetLeftPart(UriPartial.Authority);
        }

        return defaults;
    }
}
