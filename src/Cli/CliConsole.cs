namespace Grastorp.Intake.Cli;

/// <summary>The streams a command reads and writes, so tests can run the real commands in-process.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>Settings laid over appsettings.json and the environment (<c>Classifier:Model</c> = …), for tests.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
