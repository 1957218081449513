using System.CommandLine;
using System.Globalization;
using Grastorp.Intake.Core.Tips.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Cli.Commands;

/// <summary>
/// <c>poison list</c>: reference, reason and first-seen time of each poisoned message (never its text);
/// <c>poison replay [--reference R]</c>: moves them back to the tips queue, where the tip store counts each once.
/// </summary>
internal static class PoisonCommand
{
    public static Command Create(CliConsole console)
    {
        var list = new Command("list", "List poisoned tips: reference, reason, first seen. Never the text.");
        list.SetAction((_, cancellation) => CliErrors.RunAsync(console, async () =>
        {
            using var services = CliServices.Build(console, classifierKind: null);
            var poisoned = await services.GetRequiredService<TipQueues>().ListPoisonedAsync(cancellation).ConfigureAwait(false);
            foreach (var tip in poisoned)
            {
                var firstSeen = tip.FirstSeen?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
                await console.Out.WriteLineAsync($"{tip.Reference ?? "-"}\t{firstSeen}\t{tip.Reason}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync($"{poisoned.Count} poisoned (at most {TipQueues.PoisonPageSize} shown)").ConfigureAwait(false);
            return 0;
        }));

        var referenceOption = new Option<string?>("--reference") { Description = "Replay only the tip with this reference." };
        var replay = new Command("replay", "Move poisoned tips back to the tips queue (all, or one by --reference).") { referenceOption };
        replay.SetAction((parse, cancellation) => CliErrors.RunAsync(console, async () =>
        {
            using var services = CliServices.Build(console, classifierKind: null);
            var moved = await services.GetRequiredService<TipQueues>().ReplayPoisonedAsync(parse.GetValue(referenceOption), cancellation).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"{moved} replayed").ConfigureAwait(false);
            return 0;
        }));

        return new Command("poison", "Inspect and replay the tips-poison queue.") { list, replay };
    }
}
