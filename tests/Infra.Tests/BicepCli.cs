using System.Diagnostics;

namespace Grastorp.Intake.Infra.Tests;

/// <summary>Runs the Bicep CLI offline and hands back what it printed. Every run is bounded in time.</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public sealed record Run(string Command, int ExitCode, string Output, string Diagnostics)
    {
        /// <summary>Zero exit code and nothing on stderr, where Bicep writes every error, warning and linter finding.</summary>
        public bool IsClean => ExitCode == 0 && string.IsNullOrWhiteSpace(Diagnostics);

        public override string ToString() => $"bicep {Command} (exit {ExitCode}):\n{Diagnostics}{Output}";
    }

    public static async Task<Run> RunAsync(params string[] arguments)
    {
        EnsureExecutable();
        var start = new ProcessStartInfo(BuildPaths.Bicep)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = BuildPaths.Infra,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry and no update checks: the tests must pass without a network.
        start.Environment["BICEP_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {BuildPaths.Bicep}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var diagnostics = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} ran longer than {Limit}.");
        }

        return new Run(string.Join(' ', arguments), process.ExitCode, await output, await diagnostics);
    }

    /// <summary>Package extraction does not always keep the executable bit of the native binary.</summary>
    private static void EnsureExecutable()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(BuildPaths.Bicep);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(BuildPaths.Bicep, mode | UnixFileMode.UserExecute);
        }
    }
}
