using System.CommandLine;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Cli.Commands;

/// <summary>
/// <c>digest --week 2026-W48 [--list ID] --dry-run</c> writes the week's MIME message to stdout, claiming and sending
/// nothing; <c>--resend</c> sends a week that went out before once more, recorded as a resend with an Operation-Id of
/// its own. New weeks are the timer's: this command never sends a week for the first time.
/// </summary>
internal static class DigestCommand
{
    public static Command Create(CliConsole console)
    {
        var week = new Option<string>("--week") { Description = "The ISO week, e.g. 2026-W48.", Required = true };
        var list = new Option<string?>("--list") { Description = "One recipient list id (Digest:Recipients:N:Id); all lists when left out." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Write the MIME message to stdout; nothing is sent or recorded." };
        var resend = new Option<bool>("--resend") { Description = "Send the week again on purpose, recorded as a resend." };
        var command = new Command("digest", "Preview a week's digest as MIME (--dry-run), or send it again (--resend).") { week, list, dryRun, resend };
        command.SetAction((parse, cancellation) => CliErrors.RunAsync(console, async () =>
        {
            if (!WeekId.TryParse(parse.GetValue(week), null, out var weekId))
            {
                await console.Error.WriteLineAsync("--week: expected an ISO week such as 2026-W48").ConfigureAwait(false);
                return CliErrors.ConfigurationError;
            }

            if (parse.GetValue(dryRun) == parse.GetValue(resend))
            {
                await console.Error.WriteLineAsync("Choose one of --dry-run (preview) and --resend (send again).").ConfigureAwait(false);
                return CliErrors.ConfigurationError;
            }

            using var services = CliServices.Build(console, classifierKind: null);
            var digests = services.GetRequiredService<DigestOperator>();
            var lists = digests.Lists(parse.GetValue(list));
            if (lists.Count == 0)
            {
                await console.Error.WriteLineAsync("--list: no recipient list has that id (Digest:Recipients:N:Id).").ConfigureAwait(false);
                return CliErrors.ConfigurationError;
            }

            var failed = 0;
            foreach (var recipients in lists)
            {
                if (parse.GetValue(dryRun))
                {
                    var message = await digests.PreviewAsync(weekId, recipients, cancellation).ConfigureAwait(false);
                    using var bytes = new MemoryStream();
                    await message.WriteToAsync(bytes, cancellation).ConfigureAwait(false);
                    // Prepared for 7-bit transport, so the message is ASCII throughout.
                    await console.Out.WriteAsync(System.Text.Encoding.ASCII.GetString(bytes.ToArray())).ConfigureAwait(false);
                    await console.Error.WriteLineAsync($"{recipients.Id}: {message.Name} ({bytes.Length} bytes), not sent").ConfigureAwait(false);
                    continue;
                }

                var run = await digests.ResendAsync(weekId, recipients, cancellation).ConfigureAwait(false);
                if (run.Outcome == DigestOutcome.NeverSent)
                {
                    await console.Error.WriteLineAsync($"{recipients.Id}: {weekId} was never sent; the timer sends it (use --dry-run to preview)").ConfigureAwait(false);
                    failed++;
                }
                else
                {
                    await console.Error.WriteLineAsync($"{recipients.Id}: {weekId} sent again").ConfigureAwait(false);
                }
            }

            return failed == 0 ? 0 : 1;
        }));
        return command;
    }
}
