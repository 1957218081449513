namespace Grastorp.Intake.DevHost;

/// <summary>
/// Reads the Functions app's host.json, so the DevHost's queue polling, batch size and poison threshold are the ones
/// deployed. It is added first, so appsettings, environment variables and tests can override it.
/// </summary>
internal static class HostJsonConfiguration
{
    public static IConfigurationBuilder AddHostJson(this IConfigurationBuilder configuration)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "host.json");
        var hostJson = new ConfigurationBuilder().AddJsonFile(path, optional: false).Build();
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = hostJson.AsEnumerable().Where(pair => pair.Value is not null),
        });
        return configuration;
    }
}
