namespace Grastorp.Intake.Cli.Tests;

/// <summary>Runs the real CLI in-process with its standard streams captured.</summary>
internal static class CliRun
{
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(string input, params string[] args) =>
        RunWithSettingsAsync(new Dictionary<string, string?>(), input, args);

    /// <summary>Runs with <paramref name="settings"/> laid over the tool's configuration.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunWithSettingsAsync(
        IReadOnlyDictionary<string, string?> settings, string input, params string[] args)
    {
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, new CliConsole(stdin, stdout, stderr) { Settings = settings });
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
