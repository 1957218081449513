using System.CommandLine;
using Grastorp.Intake.Core.Tips.Store;
using Microsoft.Extensions.DependencyInjection;
using Grastorp.Intake.Core.Tips.Store.Rebuilding;

namespace Grastorp.Intake.Cli.Commands;

/// <summary>
/// <c>rebuild-counters</c>: counts every stored tip again (all, per theme, per kind and per kind × theme) and writes
/// the counters, the tip list's time-order rows and each week's stats rollup row, e.g. for tips stored before kinds
/// were counted or before the rollup existed. Reads the whole tips table once; safe to run while tips arrive (a
/// partition that changes meanwhile is counted again).
/// </summary>
internal static class RebuildCountersCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("rebuild-counters", "Rebuild every tips partition's counters, time-order rows and stats rollup row from its tip rows (needs AzureWebJobsStorage).");
        command.SetAction((parse, cancellation) => CliErrors.RunAsync(console, async () =>
        {
            using var services = CliServices.Build(console, classifierKind: null);
            var summary = await services.GetRequiredService<CounterRebuilder>().RebuildCountersAsync(cancellation).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"Rebuilt the counters and stats rollup of {summary.Partitions} partitions from {summary.Tips} tips.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
