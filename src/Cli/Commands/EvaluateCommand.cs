using System.CommandLine;
using Grastorp.Intake.Cli.Evaluation;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Cli.Commands;

/// <summary><c>evaluate FILE</c>: per-theme precision, recall, F1, macro-F1 and primary-theme confusion on a labelled file.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Labelled JSON Lines {\"id\",\"text\",\"themes\":[...]}." };
        var classifierOption = ClassifierKindOption.Create();
        var split = new Option<string>("--split")
        {
            Description = "all, or the tune/test side of a fixed 70/30 split by id hash (for files without a separate test file).",
            DefaultValueFactory = _ => HoldOutSplit.All,
        }.AcceptOnlyFromAmong(HoldOutSplit.All, HoldOutSplit.Tune, HoldOutSplit.Test);
        var misses = new Option<int>("--misses")
        {
            Description = "List this many misclassified ids with their labels and matched terms (never the text).",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("evaluate", "Score a classifier on a labelled JSON Lines file.") { file, classifierOption, split, misses };
        command.SetAction((parse, cancellation) => CliErrors.RunAsync(console, async () =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                await console.Error.WriteLineAsync($"{path.FullName} does not exist").ConfigureAwait(false);
                return 2;
            }

            var kind = parse.GetValue(classifierOption);
            var part = parse.GetValue(split) ?? HoldOutSplit.All;
            using var services = CliServices.Build(console, kind);
            var classifier = services.GetRequiredService<ITipClassifier>();
            var tips = HoldOutSplit.Select(await LabelledTipReader.ReadAsync(path.FullName, cancellation).ConfigureAwait(false), part);
            var evaluation = MultiLabelEvaluation.Run(classifier, tips.ToList());
            await EvaluationReport.WriteAsync(evaluation, $"{path.Name} ({part}), {kind} classifier", console.Out, parse.GetValue(misses)).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
