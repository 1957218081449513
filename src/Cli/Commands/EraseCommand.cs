using System.CommandLine;
using Grastorp.Intake.Core.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Cli.Commands;

/// <summary>
/// <c>erase REFERENCE</c>: a resident's request to remove what they wrote (docs/PRIVACY.md). Clears the tip's content
/// as retention would and removes its receipt; prints what happened, never anything of the tip.
/// </summary>
internal static class EraseCommand
{
    public static Command Create(CliConsole console)
    {
        var reference = new Argument<string>("reference") { Description = "The reference the resident gave (any case, spaces or hyphens allowed)." };
        var command = new Command("erase", "Remove what a resident wrote, by the tip's reference: its content goes, its counts stay (needs AzureWebJobsStorage).") { reference };
        command.SetAction((parse, cancellation) => CliErrors.RunAsync(console, async () =>
        {
            using var services = CliServices.Build(console, classifierKind: null);
            var outcome = await services.GetRequiredService<ErasureService>().EraseAsync(parse.GetValue(reference), cancellation).ConfigureAwait(false);
            var (message, exitCode) = outcome switch
            {
                ErasureOutcome.Erased => ("erased: the tip's content is gone and its reference is unknown from now on", 0),
                ErasureOutcome.NotYetStored => ("not stored yet: the tip is still on its queue; nothing was changed, run this again in a few minutes", 2),
                _ => ("unknown reference: no receipt (mistyped, already erased or past retention)", 1),
            };
            await (exitCode == 0 ? console.Out : console.Error).WriteLineAsync(message).ConfigureAwait(false);
            return exitCode;
        }));
        return command;
    }
}
