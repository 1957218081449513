using System.CommandLine;
using Grastorp.Intake.Cli.Commands;

namespace Grastorp.Intake.Cli;

/// <summary>The operations tool: one sub-command per task (classify, evaluate, train, digest, mask).</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var root = new RootCommand("Grästorp Intake operations tool.")
        {
            ClassifyCommand.Create(console),
            EvaluateCommand.Create(console),
            TrainCommand.Create(console),
            ExportCorrectionsCommand.Create(console),
            RebuildCountersCommand.Create(console),
            PoisonCommand.Create(console),
            EraseCommand.Create(console),
            DigestCommand.Create(console),
            MaskCommand.Create(console),
            EarlyWarningCommand.Create(console),
        };
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return await root.Parse(args).InvokeAsync(configuration).ConfigureAwait(false);
    }
}
