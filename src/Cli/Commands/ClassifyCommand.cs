using System.CommandLine;
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

    public static Task<int> RunAsync(ITipClassifier classifier, CliConsole console, CancellationToken cancellation) =>
        TextLines.MapAsync(console, "classification", tip =>
        {
            var result = classifier.Classify(tip.Text!);
            return new ClassifiedLine(
                tip.Id,
                [.. result.Themes.Select(t => t.Theme)],
                result.Primary,
                result.Themes.ToDictionary(t => t.Theme, t => t.Confidence),
                result.Themes.ToDictionary(t => t.Theme, t => t.Matched));
        }, cancellation);

    private sealed record ClassifiedLine(
        string? Id,
        IReadOnlyList<string> Themes,
        string Primary,
        IReadOnlyDictionary<string, double> Confidence,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Matched);
}
