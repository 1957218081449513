using Grastorp.Intake.Classification;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Grastorp.Intake.Cli.Corrections;
using Grastorp.Intake.Cli.Evaluation;
using Grastorp.Intake.Cli.Training;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Cli.Commands;

/// <summary>
/// <c>train</c>: learns the linear layer on top of the lexicon from the police file's tune part and the residents'
/// tune file, and writes the model JSON that the classifier embeds (<c>src/Classification/Models/sv.model.json</c>).
/// </summary>
internal static class TrainCommand
{
    private static readonly JsonSerializerOptions ModelJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static Command Create(CliConsole console)
    {
        var police = new Option<FileInfo>("--police")
        {
            Description = "Police events JSON Lines; only its tune part (the 70 % of the fixed split) is read, unless --police-part all.",
            Required = true,
        };
        var policePart = new Option<string>("--police-part")
        {
            Description = "tune (default): the 70 % of the fixed split; all: the whole file, for a file with no kept-aside text (polisen-events.dev-large.jsonl).",
            DefaultValueFactory = _ => HoldOutSplit.Tune,
        };
        policePart.AcceptOnlyFromAmong(HoldOutSplit.Tune, HoldOutSplit.All);
        var corrections = new Option<FileInfo?>("--corrections")
        {
            Description = "An export-corrections file: staff corrections as a training domain of their own (lines without text are skipped).",
        };
        var correctionWeight = new Option<double>("--correction-weight")
        {
            Description = "How much one correction counts against one police text.",
            DefaultValueFactory = _ => new TrainingSettings().CorrectionWeight,
        };
        var balance = new Option<double>("--balance")
        {
            Description = "Weigh up each theme's rare side: 0 (default) not at all, 1 until both sides weigh the same.",
            DefaultValueFactory = _ => new TrainingSettings().Balance,
        };
        var minCount = new Option<int>("--min-count")
        {
            Description = "A word or word pair must occur in at least this many training texts to become a feature.",
            DefaultValueFactory = _ => new TrainingSettings().MinCount,
        };
        var charGrams = new Option<string>("--char-grams")
        {
            Description = "Character n-grams of the words as features: MIN-MAX lengths (the shipped model: 3-5), or none (default).",
            DefaultValueFactory = _ => "none",
        };
        charGrams.Validators.Add(result =>
        {
            if (ParseCharGrams(result.GetValueOrDefault<string>(), 1 << 18) is { } settings && settings.Problems().FirstOrDefault() is { } problem)
            {
                result.AddError(problem);
            }
        });
        var charBuckets = new Option<int>("--char-buckets")
        {
            Description = "Hash buckets for the character n-grams (a power of two).",
            DefaultValueFactory = _ => new ThemeModelCharGrams().Buckets,
        };
        var charScale = new Option<double>("--char-scale")
        {
            Description = "Length of a text's character n-gram vector: each bucket present counts SCALE / sqrt(distinct buckets in the text).",
            DefaultValueFactory = _ => new ThemeModelCharGrams().Scale,
        };
        var charMinCount = new Option<int?>("--char-min-count")
        {
            Description = "A character n-gram bucket must occur in at least this many training texts (default: --min-count).",
        };
        var wordScale = new Option<double?>("--word-scale")
        {
            Description = "Each word and word pair present counts SCALE / sqrt(words the model reads in the text) instead of 1 (default: 1 each).",
        };
        wordScale.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } scale && !ThemeModelLoader.IsUsableWordScale(scale))
            {
                result.AddError($"--word-scale must be above 0 and at most {ThemeModelLoader.MaxWeight}");
            }
        });
        var other = new Option<string>("--other")
        {
            Description = "none (default): other is what no theme passed; learned: also learn other as a class of its own, which can veto a weak theme or give the likeliest one; joint: learned, and each theme's threshold and veto chosen again for the whole decision's macro-F1.",
            DefaultValueFactory = _ => "none",
        };
        other.AcceptOnlyFromAmong("none", "learned", "joint");
        var textLayer = new Option<string>("--text-layer")
        {
            Description = "none (default), or MIN-MAX: also learn the text layer, a TF-IDF logistic regression per theme over the text's words, word pairs and character MIN-MAX-grams, which may add a theme it is sure of and drop one it is sure against (keep and add chosen out of fold).",
            DefaultValueFactory = _ => "none",
        };
        var textBuckets = new Option<int>("--text-buckets")
        {
            Description = "Hash buckets for the text layer's words and pairs, and as many for its n-grams (a power of two).",
            DefaultValueFactory = _ => new ThemeModelText().WordBuckets,
        };
        var textL2 = new Option<float>("--text-l2")
        {
            Description = "The text layer's L2 regularisation (1 / C of scikit-learn).",
            DefaultValueFactory = _ => new TrainingSettings().TextL2,
        };
        var textMinCount = new Option<int>("--text-min-count")
        {
            Description = "A text layer bucket must occur in at least this many texts.",
            DefaultValueFactory = _ => new TrainingSettings().TextMinCount,
        };
        textMinCount.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--text-min-count must be at least 1");
            }
        });
        textL2.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<float>() is not (> 0 and <= 1000))
            {
                result.AddError("--text-l2 must be above 0 and at most 1000");
            }
        });
        var outOfFold = new Option<FileInfo?>("--out-of-fold")
        {
            Description = "Also write each training text's out-of-fold themes as JSON Lines {id, domain, themes, predicted} (no text).",
        };
        var residents = new Option<FileInfo[]>("--residents")
        {
            Description = "Resident tips JSON Lines to train on in full (the option may be repeated): the tune file and the second author's tips; tips marked heldOut are refused.",
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
            police, residents, output, residentWeight, l1, l2, policePart, corrections, correctionWeight, balance, minCount, outOfFold,
            charGrams, charBuckets, charScale, charMinCount, other, wordScale, textLayer, textBuckets, textL2, textMinCount,
        };
        command.SetAction((parse, cancellation) => CliErrors.RunAsync(console, async () =>
        {
            var policeFile = parse.GetRequiredValue(police);
            var residentFiles = parse.GetRequiredValue(residents);
            var correctionFile = parse.GetValue(corrections);
            foreach (var file in residentFiles.Prepend(policeFile).Append(correctionFile).OfType<FileInfo>())
            {
                if (!file.Exists)
                {
                    await console.Error.WriteLineAsync($"{file.FullName} does not exist").ConfigureAwait(false);
                    return 2;
                }
            }

            var policeTips = HoldOutSplit.Select(await LabelledTipReader.ReadAsync(policeFile.FullName, cancellation).ConfigureAwait(false), parse.GetValue(policePart)!).ToList();
            var residentTips = new List<LabelledTip>();
            foreach (var residentFile in residentFiles)
            {
                residentTips.AddRange(await LabelledTipReader.ReadAsync(residentFile.FullName, cancellation).ConfigureAwait(false));
            }
            var (correctionTips, withoutText) = correctionFile is null
                ? ([], 0)
                : await CorrectionFile.ReadAsync(correctionFile.FullName, cancellation).ConfigureAwait(false);

            // Test and hard tips are only ever scored: their mark travels with them, so a copy in any file is refused.
            if (policeTips.Concat(residentTips).Concat(correctionTips).FirstOrDefault(t => t.HeldOut) is { } heldOut)
            {
                await console.Error.WriteLineAsync($"tip {heldOut.Id} is marked heldOut (a test tip); train on tune data only").ConfigureAwait(false);
                return 2;
            }

            // The lexicons the app is configured with (Classifier:Languages, Classifier:ExtraLexicons), without a model:
            // the configured one may be the very model this run replaces.
            using var services = CliServices.Build(console, ClassifierKindOption.Lexicon, ClassifierOptions.NoModel);
            var options = services.GetRequiredService<IOptions<ClassifierOptions>>().Value;
            if (!options.EffectiveLanguages().Contains("sv"))
            {
                await console.Error.WriteLineAsync($"{ClassifierOptions.SectionName}:Languages leaves out sv; train learns from the Swedish analysis and needs it.").ConfigureAwait(false);
                return 2;
            }

            var classifier = (LexiconTipClassifier)services.GetRequiredService<ITipClassifier>();
            if (withoutText > 0)
            {
                await console.Out.WriteLineAsync($"{withoutText} corrections have no text left (retention) and are skipped").ConfigureAwait(false);
            }

            var charGramSettings = ParseCharGrams(parse.GetValue(charGrams), parse.GetValue(charBuckets)) is { } parsed ? parsed with { Scale = parse.GetValue(charScale) } : null;
            if (charGramSettings?.Problems().FirstOrDefault() is { } charGramProblem)
            {
                await console.Error.WriteLineAsync(charGramProblem).ConfigureAwait(false);
                return 2;
            }

            var textShape = ParseTextLayer(parse.GetValue(textLayer), parse.GetValue(textBuckets));
            if (textShape?.ShapeProblems().FirstOrDefault() is { } textProblem)
            {
                await console.Error.WriteLineAsync(textProblem).ConfigureAwait(false);
                return 2;
            }

            TrainingExample Example(LabelledTip tip, TrainingDomain domain) =>
                new(tip, domain, classifier.Features(tip.Text, charGramSettings, parse.GetValue(wordScale)))
                {
                    TextGrams = textShape is null ? [] : classifier.TextGrams(tip.Text, textShape),
                };

            var examples = policeTips.Select(t => Example(t, TrainingDomain.Police))
                .Concat(residentTips.Select(t => Example(t, TrainingDomain.Resident)))
                .Concat(correctionTips.Select(t => Example(t, TrainingDomain.Correction)))
                .ToList();

            var settings = new TrainingSettings(
                ResidentWeight: parse.GetValue(residentWeight),
                L1: parse.GetValue(l1),
                L2: parse.GetValue(l2),
                MinCount: parse.GetValue(minCount),
                CorrectionWeight: parse.GetValue(correctionWeight),
                Balance: parse.GetValue(balance),
                CharGrams: charGramSettings,
                CharGramMinCount: parse.GetValue(charMinCount),
                WordScale: parse.GetValue(wordScale),
                LearnOther: parse.GetValue(other) is "learned" or "joint",
                JointThresholds: parse.GetValue(other) == "joint",
                TextL2: parse.GetValue(textL2),
                TextMinCount: parse.GetValue(textMinCount));
            var result = ThemeModelTrainer.Train(examples, settings, Source(settings, textShape, policeFile, parse.GetValue(policePart)!, residentFiles, correctionFile, options));
            if (textShape is not null)
            {
                result = TextLayerTrainer.Train(examples, settings, textShape, result);
            }

            foreach (var line in result.Report)
            {
                await console.Out.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (parse.GetValue(outOfFold) is { } outOfFoldFile)
            {
                await OutOfFoldFile.WriteAsync(outOfFoldFile.FullName, examples, result.OutOfFold, ThemeModelTrainer.ModelThemes, cancellation).ConfigureAwait(false);
            }

            var target = parse.GetRequiredValue(output);
            await ModelFile.WriteCheckedAsync(
                JsonSerializer.Serialize(result.Model, ModelJson) + "\n",
                target,
                draft => LoadsWith(options, draft),
                cancellation).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"wrote {target.FullName}").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    /// <summary>"3-5" → n-grams of 3 to 5 characters in <paramref name="buckets"/> buckets; "none" (or nothing) → null.</summary>
    internal static ThemeModelCharGrams? ParseCharGrams(string? value, int buckets) =>
        ParseLengths(value) is { } lengths
            ? new ThemeModelCharGrams { MinLength = lengths.Min, MaxLength = lengths.Max, Buckets = buckets }
            : null;

    /// <summary>"2-5" → a text layer reading character 2- to 5-grams, <paramref name="buckets"/> buckets a part; "none" → null.</summary>
    internal static ThemeModelText? ParseTextLayer(string? value, int buckets) =>
        ParseLengths(value) is { } lengths
            ? new ThemeModelText { MinLength = lengths.Min, MaxLength = lengths.Max, WordBuckets = buckets, CharBuckets = buckets }
            : null;

    /// <summary>"MIN-MAX" → the two lengths; "none" (or nothing) → null; anything else → (0, 0), which the settings' checks refuse.</summary>
    private static (int Min, int Max)? ParseLengths(string? value)
    {
        if (string.IsNullOrEmpty(value) || value == "none")
        {
            return null;
        }

        var parts = value.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var max)
            ? (min, max)
            : (0, 0);
    }

    private static ClassifierOptions WithModel(ClassifierOptions options, string model) => new()
    {
        Kind = ClassifierKindOption.Lexicon,
        Languages = options.Languages,
        ExtraLexicons = options.ExtraLexicons,
        Model = model,
        SpellingDictionary = options.SpellingDictionary,
    };

    /// <summary>Builds the classifier the app would build with the model at <paramref name="path"/>; throws naming the problem.</summary>
    private static void LoadsWith(ClassifierOptions options, string path)
    {
        try
        {
            _ = ClassifierFactory.Create(WithModel(options, path), AppContext.BaseDirectory);
        }
        catch (LexiconException ex)
        {
            throw new LexiconException($"the trained model does not load with the configured lexicons, so it was not written: {ex.Message}", ex);
        }
    }

    private static string CharGramSource(TrainingSettings settings) => settings.CharGrams is { } c
        ? FormattableString.Invariant($", character {c.MinLength}-{c.MaxLength}-grams in {c.Buckets} buckets (scale {c.Scale}) seen in at least {settings.CharGramMinCount ?? settings.MinCount} texts")
        : "";

    /// <summary>What the model file says about where it came from, including any lexicon beyond the built-in ones.</summary>
    private static string TextLayerSource(TrainingSettings settings, ThemeModelText? text) => text is null
        ? ""
        : FormattableString.Invariant($"; a text layer of TF-IDF words, word pairs and character {text.MinLength}-{text.MaxLength}-grams in {text.WordBuckets} + {text.CharBuckets} buckets seen in at least {settings.TextMinCount} texts, L2 {settings.TextL2}, classes balanced");

    private static string Source(TrainingSettings settings, ThemeModelText? text, FileInfo police, string policePart, FileInfo[] residents, FileInfo? corrections, ClassifierOptions options)
    {
        var lexicons = $"built-in lexicons {string.Join(", ", options.EffectiveLanguages())}"
            + (options.ExtraLexicons.Length > 0 ? $" with extra lexicons {string.Join(", ", options.ExtraLexicons.Select(Path.GetFileName))}" : "")
            + $", spelling dictionary {options.SpellingDictionary}";
        var part = policePart == HoldOutSplit.All ? "all" : "the tune part (70 %, FNV-1a id split)";
        var correctionSource = corrections is null ? "" : $", and staff corrections from {corrections.Name} (weight {settings.CorrectionWeight})";
        return FormattableString.Invariant($"Learned by `Grastorp.Intake.Cli train` (ML.NET L-BFGS logistic regression, one per theme{(settings.LearnOther ? " and one for other" : "")}, resident weight {settings.ResidentWeight}, L1 {settings.L1}, L2 {settings.L2}, class balance {settings.Balance}, features in at least {settings.MinCount} texts{(settings.WordScale is { } ws ? FormattableString.Invariant($", words counting {ws} / sqrt(words)") : "")}{CharGramSource(settings)}{TextLayerSource(settings, text)}; {lexicons}) from {part} of {police.Name} (Swedish Police event summaries, polisen.se open data; see shared/data/README.md) and {string.Join(", ", residents.Select(r => r.Name))}{correctionSource}. Only derived weights are stored, no text.");
    }
}
