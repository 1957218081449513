namespace Grastorp.Intake.Cli;

/// <summary>The streams a command reads and writes, so tests can run the real commands in-process.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>Settings laid over appsettings.json and the environment (<c>Classifier:Model</c> = …), for tests.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The environment (<c>DOTNET_ENVIRONMENT</c>), which decides whether the development settings apply (<see cref="DevelopmentDefaults"/>).</summary>
    public string? EnvironmentName { get; init; } = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
}
