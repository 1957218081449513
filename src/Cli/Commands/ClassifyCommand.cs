using System.CommandLine;
using System.Text.Json;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Cli.Commands;

/// <summary><c>classify</c>: JSON Lines <c>{"id","text"}</c> on stdin → one classification line per tip on stdout.</summary>
internal static class ClassifyCommand
{
    public static Command Create(CliConsole console)
    {
        var classifierOption = ClassifierKindOption.Create();
        var command = new Command("classify", "Classify JSON Lines {\"id\",\"text\"} from stdin; write themes, confidence and matched terms as JSON Lines.")
        {
            classifierOption,
        };
        command.SetAction((parse, cancellation) => CliErrors.RunAsync(console, async () =>
        {
            using var services = CliServices.Build(console, parse.GetValue(classifierOption));
            var classifier = services.GetRequiredService<ITipClassifier>();
            return await RunAsync(classifier, console, cancellation).ConfigureAwait(false);
        }));
        return command;
    }

    public static async Task<int> RunAsync(ITipClassifier classifier, CliConsole console, CancellationToken cancellation)
    {
        var lineNumber = 0;
        var failed = 0;
        while (await console.In.ReadLineAsync(cancellation).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            TipLine? tip;
            try
            {
                tip = JsonSerializer.Deserialize<TipLine>(line, CliJson.Options);
            }
            catch (JsonException)
            {
                tip = null;
            }

            if (tip?.Text is null)
            {
                // The line may hold a resident's text: report where, never what.
                await console.Error.WriteLineAsync($"line {lineNumber}: expected {{\"id\",\"text\"}}; skipped").ConfigureAwait(false);
                failed++;
                continue;
            }

            TipClassification result;
            try
            {
                result = classifier.Classify(tip.Text);
            }
#pragma warning disable CA1031 // One tip must not stop the others; the type is reported, never the message (it may quote the tip).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await console.Error.WriteLineAsync($"line {lineNumber}: classification failed ({ex.GetType().Name})").ConfigureAwait(false);
                failed++;
                continue;
            }

            var output = new ClassifiedLine(
                tip.Id,
                [.. result.Themes.Select(t => t.Theme)],
                result.Primary,
                result.Themes.ToDictionary(t => t.Theme, t => t.Confidence),
                result.Themes.ToDictionary(t => t.Theme, t => t.Matched));
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(output, CliJson.Options)).ConfigureAwait(false);
        }

        return failed == 0 ? 0 : 1;
    }

    private sealed record TipLine(string? Id, string? Text);

    private sealed record ClassifiedLine(
        string? Id,
        IReadOnlyList<string> Themes,
        string Primary,
        IReadOnlyDictionary<string, double> Confidence,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Matched);
}
