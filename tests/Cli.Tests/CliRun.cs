namespace Grastorp.Intake.Cli.Tests;

/// <summary>Runs the real CLI in-process with its standard streams captured.</summary>
internal static class CliRun
{
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(string input, params string[] args) =>
        RunWithSettingsAsync(new Dictionary<string, string?>(), input, args);

    /// <summary>
    /// Runs with <paramref name="settings"/> laid over the tool's configuration, as in production (no development
    /// settings, whatever the build or the machine's DOTNET_ENVIRONMENT).
    /// </summary>
    public static Task<(int ExitCode, string Out, string Error)> RunWithSettingsAsync(
        IReadOnlyDictionary<string, string?> settings, string input, params string[] args) =>
        RunInEnvironmentAsync("Production", settings, input, args);

    /// <summary>Runs as in <paramref name="environmentName"/> (DOTNET_ENVIRONMENT) with <paramref name="settings"/> laid over the tool's configuration.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunInEnvironmentAsync(
        string environmentName, IReadOnlyDictionary<string, string?> settings, string input, params string[] args)
    {
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, new CliConsole(stdin, stdout, stderr) { Settings = settings, EnvironmentName = environmentName });
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
