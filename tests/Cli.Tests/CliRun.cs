namespace Grastorp.Intake.Cli.Tests;

/// <summary>Runs the real CLI in-process with its standard streams captured.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string input, params string[] args)
    {
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, new CliConsole(stdin, stdout, stderr));
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
