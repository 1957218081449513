using System.CommandLine;
using System.Globalization;
using Grastorp.Intake.Cli.Privacy;
using Grastorp.Intake.Core.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Cli.Commands;

/// <summary>
/// <c>mask</c>: JSON Lines <c>{"id","text"}</c> on stdin → <c>{"id","masked","found"}</c> on stdout;
/// <c>mask --evaluate FILE</c>: precision and recall per kind on a labelled file.
/// </summary>
internal static class MaskCommand
{
    public const string AllParts = "all";
    public const string TunedPart = "tuned";
    public const string HeldOutPart = "held-out";

    public static Command Create(CliConsole console)
    {
        var evaluate = new Option<FileInfo?>("--evaluate")
        {
            Description = "Score the detector on a labelled JSON Lines file {\"id\",\"text\",\"expected\":[{\"kind\",\"value\"}],\"heldOut\"} instead of masking stdin.",
        };
        var part = new Option<string>("--part")
        {
            Description = "With --evaluate: all lines, the tuned ones, or the held-out ones (\"heldOut\": true).",
            DefaultValueFactory = _ => AllParts,
        }.AcceptOnlyFromAmong(AllParts, TunedPart, HeldOutPart);
        var errors = new Option<bool>("--errors") { Description = "With --evaluate: list the id and kind of every miss and false alarm (never the value)." };
        var command = new Command("mask", "Mask personal data in JSON Lines {\"id\",\"text\"} from stdin, or score the detector with --evaluate FILE.")
        {
            evaluate, part, errors,
        };
        command.SetAction((parse, cancellation) => CliErrors.RunAsync(console, async () =>
        {
            using var services = CliServices.Build(console, classifierKind: null);
            var detector = services.GetRequiredService<PersonalDataDetector>();
            return parse.GetValue(evaluate) is { } file
                ? await EvaluateAsync(detector, file, parse.GetValue(part) ?? AllParts, parse.GetValue(errors), console, cancellation).ConfigureAwait(false)
                : await RunAsync(detector, console, cancellation).ConfigureAwait(false);
        }));
        return command;
    }

    public static Task<int> RunAsync(PersonalDataDetector detector, CliConsole console, CancellationToken cancellation) =>
        TextLines.MapAsync(console, "masking", input =>
        {
            var result = detector.Mask(input.Text!);
            return new MaskedLine(input.Id, result.Masked, [.. result.Found.Select(f => new FoundItem(f.Kind.Id(), f.Value, f.Start, f.Length))]);
        }, cancellation);

    private static async Task<int> EvaluateAsync(PersonalDataDetector detector, FileInfo file, string part, bool listErrors, CliConsole console, CancellationToken cancellation)
    {
        if (!file.Exists)
        {
            await console.Error.WriteLineAsync($"{file.FullName} does not exist").ConfigureAwait(false);
            return CliErrors.ConfigurationError;
        }

        var texts = (await LabelledTextReader.ReadAsync(file.FullName, cancellation).ConfigureAwait(false))
            .Where(t => part switch
            {
                TunedPart => !t.HeldOut,
                HeldOutPart => t.HeldOut,
                _ => true,
            })
            .ToList();
        var evaluation = PersonalDataEvaluation.Run(detector, texts);
        var c = CultureInfo.InvariantCulture;
        var output = console.Out;
        await output.WriteLineAsync($"## {file.Name} ({part}): personal data").ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(c, $"{evaluation.Texts} texts; an item counts when kind and value are exactly right")).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("| kind | expected | found | correct | precision | recall |").ConfigureAwait(false);
        await output.WriteLineAsync("| --- | ---: | ---: | ---: | ---: | ---: |").ConfigureAwait(false);
        foreach (var s in evaluation.Scores.Append(evaluation.Overall))
        {
            await output.WriteLineAsync(string.Create(c, $"| {s.Kind} | {s.Expected} | {s.Found} | {s.Correct} | {s.Precision:0.000} | {s.Recall:0.000} |")).ConfigureAwait(false);
        }

        if (listErrors)
        {
            foreach (var error in evaluation.Errors)
            {
                await output.WriteLineAsync($"{(error.Missed ? "missed" : "false alarm")} {error.Kind} in {error.Id}").ConfigureAwait(false);
            }
        }

        return 0;
    }

    private sealed record MaskedLine(string? Id, string Masked, IReadOnlyList<FoundItem> Found);

    private sealed record FoundItem(string Kind, string Value, int Start, int Length);
}
