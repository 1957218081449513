using Grastorp.Intake.Classification;
using Grastorp.Intake.Core.Themes;
using Microsoft.ML;

namespace Grastorp.Intake.Cli.Training;

/// <summary>
/// Learns the text layer (<see cref="ThemeModelText"/>): per theme, and for <c>other</c>, a logistic regression over the TF-IDF vector of the
/// text's hashed words, word pairs and character n-grams (<see cref="TextLayerVector"/>), every class weighed to the
/// same total. Out of fold (the inverse document frequencies too are counted without the fold scored), it then
/// chooses the keep and add of <see cref="DecisionRule.ApplyText"/> on top of the first layer's out-of-fold
/// decisions, for the best mean of police and resident macro-F1, and fits on all the data for the exported layer.
/// </summary>
internal sealed class TextLayerTrainer
{
    /// <summary>Reaches past 0.4, where out of fold chose at an older grid's top, so it can say whether more is better.</summary>
    private static readonly double[] KeepGrid = [0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6];

    /// <summary>
    /// Only near certainty overrides the first layer, which knows the lexicon's decoys: allowed lower, out of fold chose
    /// 0.7, and "Gatlampan vid cykelvägen är trasig." became traffic (the cycle path; <c>PromiseLinkTests</c>).
    /// </summary>
    private static readonly double[] AddGrid = [0.9, 0.95, 0.98];

    private readonly IReadOnlyList<TrainingExample> _examples;
    private readonly TrainingSettings _settings;
    private readonly ThemeModelText _shape;
    private readonly int[][] _buckets;
    private readonly int[] _folds;
    private readonly float[] _weights;
    private readonly MLContext _ml = new(seed: 20261207);

    private TextLayerTrainer(IReadOnlyList<TrainingExample> examples, TrainingSettings settings, ThemeModelText shape)
    {
        _examples = examples;
        _settings = settings;
        _shape = shape;
        _buckets = [.. examples.Select(e =>
        {
            var sorted = e.TextGrams.ToArray();
            Array.Sort(sorted);
            return sorted;
        })];
        _folds = [.. examples.Select(e => ThemeModelTrainer.Fold(e.Tip.Id, settings.Folds))];
        _weights = [.. examples.Select(e => settings.WeightOf(e.Domain))];
    }

    private int Size => _shape.WordBuckets + _shape.CharBuckets;

    /// <summary>Adds the text layer to <paramref name="first"/>'s model; its out-of-fold decisions and report include it.</summary>
    public static TrainingResult Train(IReadOnlyList<TrainingExample> examples, TrainingSettings settings, ThemeModelText shape, TrainingResult first)
    {
        var trainer = new TextLayerTrainer(examples, settings, shape);
        var themes = ThemeModelTrainer.ModelThemes;
        string[] columnIds = [.. themes, Theme.Other];
        var labels = themes.Select(t => examples.Select(e => e.Tip.Themes.Contains(t)).ToArray())
            .Append([.. examples.Select(e => !themes.Any(e.Tip.Themes.Contains))])
            .ToArray();
        var outOfFold = trainer.OutOfFoldProbabilities(labels);
        var report = new List<string>(first.Report);
        for (var t = 0; t < themes.Length; t++)
        {
            var alone = DomainScores.F1(examples, labels[t], [.. outOfFold[t].Select(p => p >= 0.5)]);
            report.Add(FormattableString.Invariant($"text layer {themes[t]}: out-of-fold F1 (police, resident) alone at 0.5 ({alone.Police:0.000}, {alone.Resident:0.000})"));
        }

        if (ChooseRule(examples, first, outOfFold) is not var (keep, add, decisions))
        {
            report.Add("text layer: left out, the first layer alone is better out of fold");
            return first with { Report = report };
        }

        var (police, resident) = DomainScores.MacroF1(examples, themes, decisions);
        report.AddRange(DomainScores.PerTheme(examples, themes, decisions));
        report.Add(FormattableString.Invariant($"text layer: keep {keep}, add {add}; out-of-fold macro-F1 with the text layer (police, resident): ({police:0.000}, {resident:0.000})"));

        var idf = AsStored(trainer.Idf(Enumerable.Range(0, examples.Count)));
        var vectors = trainer.Vectors(idf);
        var columns = columnIds.Select((theme, t) =>
        {
            var (bias, weights) = LogisticFit.Fit(trainer._ml, vectors, trainer.Size, labels[t], LogisticFit.Balanced(trainer._weights, labels[t], 1), Enumerable.Range(0, examples.Count), 0, settings.TextL2);
            return new ThemeModelTextColumn { Id = theme, Bias = Math.Round(bias, 4), Weights = ThemeModelVector.Encode([.. weights.Select(w => (float)w)]) };
        }).ToList();
        var text = shape with { Keep = keep, Add = add, Idf = ThemeModelVector.Encode(idf), Columns = columns };
        return new TrainingResult(first.Model with { Text = text }, report, decisions);
    }

    /// <summary>
    /// The keep and add that give the best mean of police and resident macro-F1 out of fold, and the decisions they
    /// give; null when even the best is worse than the first layer's own decisions.
    /// </summary>
    private static (double Keep, double Add, IReadOnlyDictionary<string, bool[]> Decisions)? ChooseRule(
        IReadOnlyList<TrainingExample> examples, TrainingResult firstLayer, double[][] text)
    {
        var themes = ThemeModelTrainer.ModelThemes;
        var first = firstLayer.OutOfFold;
        var (firstPolice, firstResident) = DomainScores.MacroF1(examples, themes, first);
        (double Keep, double Add, IReadOnlyDictionary<string, bool[]> Decisions)? best = null;
        var bestScore = double.MinValue;
        var probability = new double[themes.Length];
        var lexicon = new bool[themes.Length];
        var decided = new bool[themes.Length];
        var added = new bool[themes.Length];
        foreach (var keep in KeepGrid)
        {
            foreach (var add in AddGrid)
            {
                var decisions = themes.ToDictionary(t => t, _ => new bool[examples.Count], StringComparer.Ordinal);
                for (var i = 0; i < examples.Count; i++)
                {
                    for (var t = 0; t < themes.Length; t++)
                    {
                        probability[t] = text[t][i];
                        lexicon[t] = examples[i].LexiconFinds(themes[t]);
                        decided[t] = first[themes[t]][i];
                    }

                    var firstOther = firstLayer.OtherOutOfFold?[i] ?? double.NaN;
                    DecisionRule.ApplyText(lexicon, probability, text[themes.Length][i], firstOther, keep, add, decided, added);
                    for (var t = 0; t < themes.Length; t++)
                    {
                        decisions[themes[t]][i] = decided[t];
                    }
                }

                var (police, resident) = DomainScores.MacroF1(examples, themes, decisions);
                if ((police + resident) / 2 > bestScore + 1e-9)
                {
                    bestScore = (police + resident) / 2;
                    best = (keep, add, decisions);
                }
            }
        }

        return bestScore < ((firstPolice + firstResident) / 2) - 1e-9 ? null : best;
    }

    /// <summary>Per theme, each text's probability from a fit (and inverse document frequencies) without its fold.</summary>
    private double[][] OutOfFoldProbabilities(bool[][] labels)
    {
        var probabilities = labels.Select(_ => new double[_examples.Count]).ToArray();
        for (var fold = 0; fold < _settings.Folds; fold++)
        {
            var rows = Enumerable.Range(0, _examples.Count).Where(i => _folds[i] != fold).ToList();
            // Scored as the app scores: with the idf and weights rounded to the file's 16-bit steps.
            var vectors = Vectors(AsStored(Idf(rows)));
            for (var t = 0; t < labels.Length; t++)
            {
                var (bias, fitted) = LogisticFit.Fit(_ml, vectors, Size, labels[t], LogisticFit.Balanced(_weights, labels[t], 1), rows, 0, _settings.TextL2);
                var weights = AsStored([.. fitted.Select(w => (float)w)]);
                foreach (var i in Enumerable.Range(0, _examples.Count).Where(i => _folds[i] == fold))
                {
                    var logit = bias;
                    for (var k = 0; k < vectors[i].Indices.Length; k++)
                    {
                        logit += weights[vectors[i].Indices[k]] * vectors[i].Values[k];
                    }

                    probabilities[t][i] = 1 / (1 + Math.Exp(-logit));
                }
            }
        }

        return probabilities;
    }

    /// <summary>The values as the model file keeps them (<see cref="ThemeModelVector"/>).</summary>
    private static float[] AsStored(float[] values) => ThemeModelVector.Encode(values).Decode()!;

    /// <summary>
    /// Smoothed inverse document frequency over <paramref name="rows"/>, ln((1 + n) / (1 + df)) + 1, as scikit-learn's
    /// TF-IDF; 0 for a bucket in fewer than <see cref="TrainingSettings.TextMinCount"/> of them (too rare to learn from).
    /// </summary>
    private float[] Idf(IEnumerable<int> rows)
    {
        var df = new int[Size];
        var n = 0;
        foreach (var i in rows)
        {
            n++;
            var buckets = _buckets[i];
            for (var k = 0; k < buckets.Length; k++)
            {
                if (k == 0 || buckets[k] != buckets[k - 1])
                {
                    df[buckets[k]]++;
                }
            }
        }

        return [.. df.Select(d => d >= _settings.TextMinCount ? (float)(Math.Log((1.0 + n) / (1.0 + d)) + 1) : 0f)];
    }

    /// <summary>Every text's vector under <paramref name="idf"/>, as the app builds it (<see cref="TextLayerVector"/>).</summary>
    private SparseVector[] Vectors(float[] idf)
    {
        var values = new List<(int Bucket, double Value)>();
        return [.. _buckets.Select(buckets =>
        {
            TextLayerVector.Build(buckets, idf, _shape.WordBuckets, values);
            return new SparseVector([.. values.Select(v => v.Bucket)], [.. values.Select(v => (float)v.Value)]);
        })];
    }
}
