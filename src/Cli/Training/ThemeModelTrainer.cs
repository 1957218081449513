using System.Globalization;
using Grastorp.Intake.Cli.Evaluation;
using Grastorp.Intake.Core.Themes;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Grastorp.Intake.Cli.Training;

/// <summary>Settings of one training run.</summary>
/// <param name="ResidentWeight">How much one resident tip counts against one police text (residents are the real use).</param>
/// <param name="Folds">Cross-validation folds over the training data, for choosing the decision rule.</param>
/// <param name="MinCount">A word or bigram must occur in at least this many training texts to become a feature.</param>
/// <param name="L1">ML.NET L1 regularisation (keeps the weight file small).</param>
/// <param name="L2">ML.NET L2 regularisation.</param>
/// <param name="MinWeight">Weights smaller than this are dropped from the exported model.</param>
internal sealed record TrainingSettings(
    double ResidentWeight = 5, int Folds = 5, int MinCount = 2, float L1 = 1f, float L2 = 1f, double MinWeight = 0.01);

/// <summary>One training text: its domain ("police" or "resident") decides its weight and how the rule is scored.</summary>
internal sealed record TrainingExample(LabelledTip Tip, string Domain, IReadOnlyDictionary<string, double> Features);

/// <summary>What a run produced: the model and how the decision rule scored out of fold.</summary>
internal sealed record TrainingResult(ThemeModel Model, IReadOnlyList<string> Report);

/// <summary>
/// Learns the linear layer: one-vs-rest logistic regression per theme (ML.NET L-BFGS) over the features the lexicon
/// classifier's own analysis gives (<see cref="LexiconTipClassifier.Features"/>), then picks each theme's threshold and
/// veto on out-of-fold probabilities of the training data only, and exports bias and weights.
/// </summary>
internal static class ThemeModelTrainer
{
    public static readonly string[] ModelThemes = [Theme.Drugs, Theme.Traffic, Theme.Burglary];

    private static readonly double[] ThresholdGrid = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
    private static readonly double[] VetoGrid = [0, 0.05, 0.1, 0.2];

    public static TrainingResult Train(IReadOnlyList<TrainingExample> examples, TrainingSettings settings, string source)
    {
        var report = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in examples.SelectMany(e => e.Features.Keys))
        {
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        var names = counts.Where(c => c.Value >= settings.MinCount || c.Key.StartsWith(ThemeFeatures.LexiconPrefix, StringComparison.Ordinal))
            .Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        report.Add(string.Create(CultureInfo.InvariantCulture,
            $"{examples.Count} texts ({examples.Count(e => e.Domain == "police")} police, {examples.Count(e => e.Domain == "resident")} resident), {names.Length} features seen in at least {settings.MinCount} texts"));

        var allVectors = examples.Select(e =>
        {
            var v = new float[names.Length];
            foreach (var (name, value) in e.Features)
            {
                if (index.TryGetValue(name, out var i))
                {
                    v[i] = (float)value;
                }
            }

            return v;
        }).ToArray();
        var folds = examples.Select(e => Fold(e.Tip.Id, settings.Folds)).ToArray();
        var ml = new MLContext(seed: 20261125);

        var themes = new List<ThemeModelTheme>();
        foreach (var theme in ModelThemes)
        {
            // A theme's model reads only its own lexicon evidence: police texts carry one label each, so other themes'
            // evidence would be learned as a reason against this theme, and a resident's tip about two things would lose one.
            var foreign = names.Select((n, i) => (n, i))
                .Where(x => x.n.StartsWith(ThemeFeatures.LexiconPrefix, StringComparison.Ordinal) && x.n != ThemeFeatures.Lexicon(theme))
                .Select(x => x.i).ToArray();
            var vectors = allVectors.Select(v =>
            {
                var copy = (float[])v.Clone();
                foreach (var i in foreign)
                {
                    copy[i] = 0;
                }

                return copy;
            }).ToArray();
            var labels = examples.Select(e => e.Tip.Themes.Contains(theme)).ToArray();
            var weights = examples.Select(e => e.Domain == "resident" ? (float)settings.ResidentWeight : 1f).ToArray();
            var outOfFold = new double[examples.Count];
            for (var fold = 0; fold < settings.Folds; fold++)
            {
                var trainIdx = Enumerable.Range(0, examples.Count).Where(i => folds[i] != fold).ToArray();
                var (bias, w) = Fit(ml, trainIdx.Select(i => vectors[i]), trainIdx.Select(i => labels[i]), trainIdx.Select(i => weights[i]), names.Length, settings);
                foreach (var i in Enumerable.Range(0, examples.Count).Where(i => folds[i] == fold))
                {
                    outOfFold[i] = Probability(bias, w, vectors[i], settings.MinWeight);
                }
            }

            var lexicon = examples.Select(e => e.Features.GetValueOrDefault(ThemeFeatures.Lexicon(theme)) >= 1).ToArray();
            var (threshold, veto, objective) = ChooseRule(examples, labels, lexicon, outOfFold);
            report.Add(string.Create(CultureInfo.InvariantCulture,
                $"{theme}: out-of-fold F1 (police, resident) lexicon alone {F1s(examples, labels, lexicon)}, model alone at 0.5 {F1s(examples, labels, [.. outOfFold.Select(p => p >= 0.5)])}, rule threshold {threshold} veto {veto}: {objective}"));

            var (finalBias, finalWeights) = Fit(ml, vectors, labels, weights, names.Length, settings);
            var kept = new SortedDictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                if (Math.Abs(finalWeights[i]) >= settings.MinWeight)
                {
                    kept[names[i]] = Math.Round(finalWeights[i], 4);
                }
            }

            report.Add(string.Create(CultureInfo.InvariantCulture, $"{theme}: {kept.Count} weights kept of {names.Length}"));
            themes.Add(new ThemeModelTheme
            {
                Id = theme,
                Bias = Math.Round(finalBias, 4),
                Threshold = threshold,
                Veto = veto,
                Weights = kept,
            });
        }

        return new TrainingResult(new ThemeModel { Language = "sv", Source = source, Themes = themes }, report);
    }

    /// <summary>A fold from the id's hash, independent of the 70/30 hold-out split (which uses the hash modulo 10).</summary>
    internal static int Fold(string id, int folds) => (int)(HoldOutSplit.Hash(id) / 10 % (uint)folds);

    private static (double Bias, double[] Weights) Fit(
        MLContext ml, IEnumerable<float[]> vectors, IEnumerable<bool> labels, IEnumerable<float> weights, int size, TrainingSettings settings)
    {
        var rows = vectors.Zip(labels, weights).Select(x => new Row { Features = x.First, Label = x.Second, Weight = x.Third }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            L1Regularization = settings.L1,
            L2Regularization = settings.L2,
            NumberOfThreads = 1,
        });
        var linear = trainer.Fit(data).Model.SubModel;
        return (linear.Bias, [.. linear.Weights.Select(w => (double)w)]);
    }

    /// <summary>The same arithmetic the app does with the exported (pruned) weights.</summary>
    private static double Probability(double bias, double[] weights, float[] vector, double minWeight)
    {
        var logit = bias;
        for (var i = 0; i < vector.Length; i++)
        {
            if (vector[i] != 0 && Math.Abs(weights[i]) >= minWeight)
            {
                logit += weights[i] * vector[i];
            }
        }

        return 1 / (1 + Math.Exp(-logit));
    }

    /// <summary>
    /// The threshold and veto that give the best mean of police F1 and resident F1 out of fold: residents weigh as much
    /// as the police texts although there are ten times fewer. A coarse grid, so the rule cannot fit noise.
    /// </summary>
    private static (double Threshold, double Veto, string Objective) ChooseRule(
        IReadOnlyList<TrainingExample> examples, bool[] labels, bool[] lexicon, double[] probabilities)
    {
        var best = (Threshold: 0.5, Veto: 0.0, Score: double.MinValue, Text: "");
        foreach (var threshold in ThresholdGrid)
        {
            foreach (var veto in VetoGrid.Where(v => v <= threshold))
            {
                var predicted = probabilities.Select((p, i) => LexiconTipClassifier.Decide(lexicon[i], p, threshold, veto)).ToArray();
                var (police, resident) = F1ByDomain(examples, labels, predicted);
                var score = (police + resident) / 2;
                if (score > best.Score + 1e-9)
                {
                    best = (threshold, veto, score, string.Create(CultureInfo.InvariantCulture, $"({police:0.000}, {resident:0.000})"));
                }
            }
        }

        return (best.Threshold, best.Veto, best.Text);
    }

    private static string F1s(IReadOnlyList<TrainingExample> examples, bool[] labels, bool[] predicted)
    {
        var (police, resident) = F1ByDomain(examples, labels, predicted);
        return string.Create(CultureInfo.InvariantCulture, $"({police:0.000}, {resident:0.000})");
    }

    private static (double Police, double Resident) F1ByDomain(IReadOnlyList<TrainingExample> examples, bool[] labels, bool[] predicted)
    {
        double F1(string domain)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < examples.Count; i++)
            {
                if (examples[i].Domain != domain)
                {
                    continue;
                }

                tp += labels[i] && predicted[i] ? 1 : 0;
                fp += !labels[i] && predicted[i] ? 1 : 0;
                fn += labels[i] && !predicted[i] ? 1 : 0;
            }

            return tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
        }

        return (F1("police"), F1("resident"));
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float Weight { get; set; }

        [VectorType]
        public float[] Features { get; set; } = [];
    }
}
