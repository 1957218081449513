using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Grastorp.Intake.Cli.Evaluation;
using Grastorp.Intake.Cli.Training;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Cli.Commands;

/// <summary>
/// <c>train</c>: learns the linear layer on top of the lexicon from the police file's tune part and the residents'
/// tune file, and writes the model JSON that Core embeds (<c>src/Core/Themes/Models/sv.model.json</c>).
/// </summary>
internal static class TrainCommand
{
    private static readonly JsonSerializerOptions ModelJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static Command Create(CliConsole console)
    {
        var police = new Option<FileInfo>("--police")
        {
            Description = "Police events JSON Lines; only its tune part (the 70 % of the fixed split) is read.",
            Required = true,
        };
        var residents = new Option<FileInfo>("--residents")
        {
            Description = "Resident tips JSON Lines to train on in full: the tune file, never a test or hard file.",
            Required = true,
        };
        var output = new Option<FileInfo>("--output") { Description = "Where to write the model JSON.", Required = true };
        var residentWeight = new Option<double>("--resident-weight")
        {
            Description = "How much one resident tip counts against one police text.",
            DefaultValueFactory = _ => new TrainingSettings().ResidentWeight,
        };
        var l1 = new Option<float>("--l1") { Description = "L1 regularisation.", DefaultValueFactory = _ => new TrainingSettings().L1 };
        var l2 = new Option<float>("--l2") { Description = "L2 regularisation.", DefaultValueFactory = _ => new TrainingSettings().L2 };
        var command = new Command("train", "Learn the model layer on top of the lexicon (offline, ML.NET) and write its weights as JSON.")
        {
            police, residents, output, residentWeight, l1, l2,
        };
        command.SetAction((parse, cancellation) => CliErrors.RunAsync(console, async () =>
        {
            var policeFile = parse.GetRequiredValue(police);
            var residentFile = parse.GetRequiredValue(residents);
            foreach (var file in new[] { policeFile, residentFile })
            {
                if (!file.Exists)
                {
                    await console.Error.WriteLineAsync($"{file.FullName} does not exist").ConfigureAwait(false);
                    return 2;
                }
            }

            // The test and hard files are only ever scored: refuse them here so they cannot leak into the weights.
            if (residentFile.Name.Contains("test", StringComparison.OrdinalIgnoreCase) || residentFile.Name.Contains("hard", StringComparison.OrdinalIgnoreCase))
            {
                await console.Error.WriteLineAsync($"{residentFile.Name} looks like a test file; train on the tune file only").ConfigureAwait(false);
                return 2;
            }

            var classifier = LexiconTipClassifier.CreateLexiconOnly();
            var examples = new List<TrainingExample>();
            var policeTips = HoldOutSplit.Select(await LabelledTipReader.ReadAsync(policeFile.FullName, cancellation).ConfigureAwait(false), HoldOutSplit.Tune);
            examples.AddRange(policeTips.Select(t => new TrainingExample(t, "police", classifier.Features(t.Text))));
            var residentTips = await LabelledTipReader.ReadAsync(residentFile.FullName, cancellation).ConfigureAwait(false);
            examples.AddRange(residentTips.Select(t => new TrainingExample(t, "resident", classifier.Features(t.Text))));

            var settings = new TrainingSettings(ResidentWeight: parse.GetValue(residentWeight), L1: parse.GetValue(l1), L2: parse.GetValue(l2));
            var source = $"Learned by `Grastorp.Intake.Cli train` (ML.NET L-BFGS logistic regression, one per theme, resident weight {settings.ResidentWeight}, L1 {settings.L1}, L2 {settings.L2}) from the tune part (70 %, FNV-1a id split) of {policeFile.Name} (Swedish Police event summaries, polisen.se open data; see shared/data/README.md) and {residentFile.Name}. Only derived weights are stored, no text.";
            var result = ThemeModelTrainer.Train(examples, settings, source);
            foreach (var line in result.Report)
            {
                await console.Out.WriteLineAsync(line).ConfigureAwait(false);
            }

            var target = parse.GetRequiredValue(output);
            target.Directory?.Create();
            await File.WriteAllTextAsync(target.FullName, JsonSerializer.Serialize(result.Model, ModelJson) + "\n", cancellation).ConfigureAwait(false);

            // What was written must load the way the app loads it.
            _ = new LexiconTipClassifier(LexiconLoader.BuiltInLanguages.Select(LexiconLoader.LoadBuiltIn), ThemeModelLoader.LoadFile(target.FullName), target.FullName);
            await console.Out.WriteLineAsync($"wrote {target.FullName}").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
