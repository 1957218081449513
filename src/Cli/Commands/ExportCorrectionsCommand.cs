using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grastorp.Intake.Cli.Corrections;
using Grastorp.Intake.Core.Tips.Store;
using Microsoft.Extensions.DependencyInjection;
using Grastorp.Intake.Core.Tips.Store.Exporting;

namespace Grastorp.Intake.Cli.Commands;

/// <summary>
/// <c>export-corrections</c>: staff corrections as training data for <c>train --corrections</c>, one JSON line per
/// corrected tip on stdout: a pseudonymous id, the text (left out once retention removed it), the corrected themes and
/// the classifier's original ones. Never a contact, a place or the reference.
/// </summary>
internal static class ExportCorrectionsCommand
{
    private static readonly JsonSerializerOptions LineJson = new(CliJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Command Create(CliConsole console)
    {
        var command = new Command(
            "export-corrections",
            "Write every tip whose themes staff corrected, beside the classifier's themes, as JSON Lines for train --corrections (needs AzureWebJobsStorage).");
        command.SetAction((parse, cancellation) => CliErrors.RunAsync(console, async () =>
        {
            using var services = CliServices.Build(console, classifierKind: null);
            var store = services.GetRequiredService<CorrectionExporter>();

            // A fresh key per export: the id is the same for one tip within the file (so it never lands in two folds),
            // but cannot be matched to a reference by hashing guessed references.
            var key = RandomNumberGenerator.GetBytes(32);
            int written = 0, withoutText = 0;
            await foreach (var tip in store.CorrectedAsync(cancellation).ConfigureAwait(false))
            {
                var record = new CorrectionRecord(Pseudonym(key, tip.Reference), tip.Text, tip.Themes, tip.ClassifiedThemes, tip.Week);
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(record, LineJson)).ConfigureAwait(false);
                written++;
                withoutText += tip.Text is null ? 1 : 0;
            }

            await console.Error.WriteLineAsync($"{written} corrections exported, {withoutText} of them without text (retention)").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static string Pseudonym(byte[] key, string reference) =>
        "c-" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(reference)))[..16];
}
