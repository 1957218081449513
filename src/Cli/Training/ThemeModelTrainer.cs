using Grastorp.Intake.Classification;
using Grastorp.Intake.Cli.Evaluation;
using Grastorp.Intake.Core.Themes;
using Microsoft.ML;

namespace Grastorp.Intake.Cli.Training;

/// <summary>
/// Learns the linear layer: one-vs-rest logistic regression per theme (ML.NET L-BFGS) over the features the lexicon
/// classifier's own analysis gives (<see cref="LexiconTipClassifier.Features"/>), then picks each theme's threshold and
/// veto on out-of-fold probabilities of the training data only, and exports bias and weights.
/// </summary>
internal sealed class ThemeModelTrainer
{
    public static readonly string[] ModelThemes = [Theme.Drugs, Theme.Traffic, Theme.Burglary];

    private static readonly double[] ThresholdGrid = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
    private static readonly double[] VetoGrid = [0, 0.05, 0.1, 0.2];
    private static readonly double[] MarginGrid = [1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0];
    private static readonly double[] RescueGrid = [0, 0.1, 0.2, 0.3, 0.4, 0.5];

    private readonly IReadOnlyList<TrainingExample> _examples;
    private readonly TrainingSettings _settings;
    private readonly FeatureSpace _space;
    private readonly int[] _folds;
    private readonly float[] _weights;
    private readonly MLContext _ml = new(seed: 20261125);

    private ThemeModelTrainer(IReadOnlyList<TrainingExample> examples, TrainingSettings settings)
    {
        _examples = examples;
        _settings = settings;
        _space = FeatureSpace.Build(examples, settings.MinCount, settings.CharGramMinCount ?? settings.MinCount);
        _folds = [.. examples.Select(e => Fold(e.Tip.Id, settings.Folds))];
        _weights = [.. examples.Select(e => settings.WeightOf(e.Domain))];
    }

    public static TrainingResult Train(IReadOnlyList<TrainingExample> examples, TrainingSettings settings, string source)
    {
        var trainer = new ThemeModelTrainer(examples, settings);
        var report = new List<string>
        {
            FormattableString.Invariant($"{examples.Count} texts ({examples.Count(e => e.Domain == TrainingDomain.Police)} police, {examples.Count(e => e.Domain == TrainingDomain.Resident)} resident, {examples.Count(e => e.Domain == TrainingDomain.Correction)} corrections), {trainer._space.Names.Length} features seen in at least {settings.MinCount} texts"),
        };
        var fits = new List<ThemeFit>();
        foreach (var theme in ModelThemes)
        {
            var fit = trainer.TrainTheme(theme);
            fits.Add(fit);
            report.AddRange(fit.Report);
        }

        IReadOnlyDictionary<string, bool[]> outOfFold = fits.ToDictionary(f => f.Model.Id, f => f.OutOfFold, StringComparer.Ordinal);
        ThemeModelOther? other = null;
        double[]? otherOutOfFold = null;
        if (settings.LearnOther)
        {
            (var macroPolice, var macroResident) = DomainScores.MacroF1(examples, ModelThemes, outOfFold);
            report.Add(FormattableString.Invariant($"out-of-fold macro-F1 with other as what no theme passed (police, resident): ({macroPolice:0.000}, {macroResident:0.000})"));
            (other, outOfFold, otherOutOfFold, var lines) = trainer.TrainOther(fits);
            report.AddRange(lines);
        }

        var (police, resident) = DomainScores.MacroF1(examples, ModelThemes, outOfFold);
        report.AddRange(DomainScores.PerTheme(examples, ModelThemes, outOfFold));
        report.Add(FormattableString.Invariant($"out-of-fold macro-F1 with other (police, resident): ({police:0.000}, {resident:0.000})"));
        var model = new ThemeModel { Language = "sv", Source = source, CharGrams = settings.CharGrams, WordScale = settings.WordScale, Themes = [.. fits.Select(f => f.Model)], Other = other };
        return new TrainingResult(model, report, outOfFold) { OtherOutOfFold = otherOutOfFold };
    }

    /// <summary>
    /// A fold from the id's hash, independent of the 70/30 hold-out split (which uses the hash modulo 10). Texts with one
    /// id (a tip in the resident file and again as a staff correction) always share a fold, so no tip is trained on in
    /// one fold and scored in the same fold's test part.
    /// </summary>
    internal static int Fold(string id, int folds) => (int)(HoldOutSplit.Hash(id) / 10 % (uint)folds);

    /// <summary>
    /// One theme: out-of-fold probabilities choose the decision rule, then a fit on all the data gives the exported
    /// weights. Returns the theme's model, its out-of-fold decisions under the chosen rule and its report lines.
    /// </summary>
    private ThemeFit TrainTheme(string theme)
    {
        var vectors = _space.VectorsFor(theme);
        var labels = _examples.Select(e => e.Tip.Themes.Contains(theme)).ToArray();
        var weights = BalancedWeights(labels);
        var probabilities = OutOfFoldProbabilities(vectors, labels, weights);
        var lexicon = _examples.Select(e => e.LexiconFinds(theme)).ToArray();
        var (threshold, veto, police, resident) = ChooseRule(labels, lexicon, probabilities);

        var (bias, kept) = FitExported(vectors, labels, weights);

        string[] report =
        [
            FormattableString.Invariant($"{theme}: out-of-fold F1 (police, resident) lexicon alone {Pair(DomainScores.F1(_examples, labels, lexicon))}, model alone at 0.5 {Pair(DomainScores.F1(_examples, labels, [.. probabilities.Select(p => p >= 0.5)]))}, rule threshold {threshold} veto {veto}: ({police:0.000}, {resident:0.000})"),
            FormattableString.Invariant($"{theme}: {kept.Count} weights kept of {_space.Names.Length}"),
        ];
        var model = new ThemeModelTheme { Id = theme, Bias = bias, Threshold = threshold, Veto = veto, Weights = kept };
        return new ThemeFit(model, [.. probabilities.Select((p, i) => DecisionRule.Decide(lexicon[i], p, threshold, veto))], report, probabilities, lexicon);
    }

    /// <summary>A fit on all the data, the weights kept as the model file keeps them.</summary>
    private (double Bias, SortedDictionary<string, double> Kept) FitExported(SparseVector[] vectors, bool[] labels, float[] weights)
    {
        var (bias, fitted) = Fit(vectors, labels, weights, Enumerable.Range(0, _examples.Count));
        var kept = new SortedDictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < _space.Names.Length; i++)
        {
            if (Math.Abs(fitted[i]) >= _settings.MinWeight)
            {
                kept[_space.Names[i]] = Math.Round(fitted[i], 4);
            }
        }

        return (Math.Round(bias, 4), kept);
    }

    /// <summary>
    /// The learned <c>other</c> class: a logistic regression for "none of the themes" over every feature, then the
    /// margin and rescue (<see cref="DecisionRule.DecideAll"/>) that give the best mean of police and resident macro-F1
    /// (with <c>other</c>) out of fold, the themes' own rules staying as chosen.
    /// </summary>
    private (ThemeModelOther Model, IReadOnlyDictionary<string, bool[]> OutOfFold, double[] Probabilities, string[] Report) TrainOther(List<ThemeFit> fits)
    {
        var vectors = _space.All;
        var labels = _examples.Select(e => !ModelThemes.Any(e.Tip.Themes.Contains)).ToArray();
        var weights = BalancedWeights(labels);
        var probabilities = OutOfFoldProbabilities(vectors, labels, weights);

        // Coordinate ascent on the mean of police and resident macro-F1: margin and rescue together, then each theme's
        // threshold and veto with the others fixed, twice over. Coarse grids, so the rule cannot fit noise.
        var threshold = fits.Select(f => f.Model.Threshold).ToArray();
        var veto = fits.Select(f => f.Model.Veto).ToArray();
        var (margin, rescue) = (1.0, 0.0);
        double Score(IReadOnlyDictionary<string, bool[]> decisions)
        {
            var (police, resident) = DomainScores.MacroF1(_examples, ModelThemes, decisions);
            return (police + resident) / 2;
        }

        var bestScore = Score(DecideAll(fits, threshold, veto, probabilities, margin, rescue));
        for (var round = 0; round < 2; round++)
        {
            foreach (var m in MarginGrid)
            {
                foreach (var r in RescueGrid)
                {
                    var score = Score(DecideAll(fits, threshold, veto, probabilities, m, r));
                    if (score > bestScore + 1e-9)
                    {
                        (bestScore, margin, rescue) = (score, m, r);
                    }
                }
            }

            for (var t = 0; t < fits.Count && _settings.JointThresholds; t++)
            {
                foreach (var th in ThresholdGrid)
                {
                    foreach (var v in VetoGrid.Where(v => v <= th))
                    {
                        var (keptThreshold, keptVeto) = (threshold[t], veto[t]);
                        (threshold[t], veto[t]) = (th, v);
                        var score = Score(DecideAll(fits, threshold, veto, probabilities, margin, rescue));
                        if (score > bestScore + 1e-9)
                        {
                            bestScore = score;
                        }
                        else
                        {
                            (threshold[t], veto[t]) = (keptThreshold, keptVeto);
                        }
                    }
                }
            }
        }

        var bestDecisions = DecideAll(fits, threshold, veto, probabilities, margin, rescue);
        var best = (Margin: margin, Rescue: rescue, Police: 0.0, Resident: 0.0);
        (best.Police, best.Resident) = DomainScores.MacroF1(_examples, ModelThemes, bestDecisions);
        for (var t = 0; t < fits.Count; t++)
        {
            fits[t] = fits[t] with { Model = fits[t].Model with { Threshold = threshold[t], Veto = veto[t] } };
        }

        var alone = DomainScores.F1(_examples, labels, [.. probabilities.Select(p => p >= 0.5)]);
        var (bias, kept) = FitExported(vectors, labels, weights);
        string[] report =
        [
            FormattableString.Invariant($"other: out-of-fold F1 (police, resident) model alone at 0.5 {Pair(alone)}; rule margin {best.Margin} rescue {best.Rescue}, thresholds {string.Join("/", threshold)}, vetoes {string.Join("/", veto)}: macro-F1 ({best.Police:0.000}, {best.Resident:0.000})"),
            FormattableString.Invariant($"other: {kept.Count} weights kept of {_space.Names.Length}"),
        ];
        return (new ThemeModelOther { Bias = bias, Margin = best.Margin, Rescue = best.Rescue, Weights = kept }, bestDecisions, probabilities, report);
    }

    /// <summary>Every text's themes under the whole rule with a learned <c>other</c>, from out-of-fold probabilities.</summary>
    private Dictionary<string, bool[]> DecideAll(IReadOnlyList<ThemeFit> fits, double[] threshold, double[] veto, double[] other, double margin, double rescue)
    {
        var decisions = fits.ToDictionary(f => f.Model.Id, _ => new bool[_examples.Count], StringComparer.Ordinal);
        Span<bool> lexicon = stackalloc bool[fits.Count];
        Span<double> probability = stackalloc double[fits.Count];
        Span<bool> decided = stackalloc bool[fits.Count];
        for (var i = 0; i < _examples.Count; i++)
        {
            for (var t = 0; t < fits.Count; t++)
            {
                lexicon[t] = fits[t].Lexicon[i];
                probability[t] = fits[t].Probabilities[i];
            }

            DecisionRule.DecideAll(lexicon, probability, threshold, veto, (other[i], margin, rescue), decided);
            for (var t = 0; t < fits.Count; t++)
            {
                decisions[fits[t].Model.Id][i] = decided[t];
            }
        }

        return decisions;
    }

    /// <summary>Each example's weight for one theme: its domain's weight, times the class balance (<see cref="TrainingSettings.Balance"/>).</summary>
    private float[] BalancedWeights(bool[] labels) => LogisticFit.Balanced(_weights, labels, _settings.Balance);

    private double[] OutOfFoldProbabilities(SparseVector[] vectors, bool[] labels, float[] exampleWeights)
    {
        var probabilities = new double[_examples.Count];
        for (var fold = 0; fold < _settings.Folds; fold++)
        {
            var (bias, weights) = Fit(vectors, labels, exampleWeights, Enumerable.Range(0, _examples.Count).Where(i => _folds[i] != fold));
            foreach (var i in Enumerable.Range(0, _examples.Count).Where(i => _folds[i] == fold))
            {
                probabilities[i] = Probability(bias, weights, vectors[i]);
            }
        }

        return probabilities;
    }

    private (double Bias, double[] Weights) Fit(SparseVector[] vectors, bool[] labels, float[] exampleWeights, IEnumerable<int> rows) =>
        LogisticFit.Fit(_ml, vectors, _space.Names.Length, labels, exampleWeights, rows, _settings.L1, _settings.L2);

    /// <summary>The same arithmetic the app does with the exported (pruned) weights.</summary>
    private double Probability(double bias, double[] weights, SparseVector vector)
    {
        var logit = bias;
        for (var k = 0; k < vector.Indices.Length; k++)
        {
            var i = vector.Indices[k];
            if (vector.Values[k] != 0 && Math.Abs(weights[i]) >= _settings.MinWeight)
            {
                logit += weights[i] * vector.Values[k];
            }
        }

        return 1 / (1 + Math.Exp(-logit));
    }

    /// <summary>
    /// The threshold and veto that give the best mean of police F1 and resident F1 out of fold: residents weigh as much
    /// as the police texts although there are ten times fewer. A coarse grid, so the rule cannot fit noise.
    /// </summary>
    private (double Threshold, double Veto, double Police, double Resident) ChooseRule(bool[] labels, bool[] lexicon, double[] probabilities)
    {
        var best = (Threshold: 0.5, Veto: 0.0, Police: 0.0, Resident: 0.0);
        var bestScore = double.MinValue;
        foreach (var threshold in ThresholdGrid)
        {
            foreach (var veto in VetoGrid.Where(v => v <= threshold))
            {
                var predicted = probabilities.Select((p, i) => DecisionRule.Decide(lexicon[i], p, threshold, veto)).ToArray();
                var (police, resident) = DomainScores.F1(_examples, labels, predicted);
                if ((police + resident) / 2 > bestScore + 1e-9)
                {
                    bestScore = (police + resident) / 2;
                    best = (threshold, veto, police, resident);
                }
            }
        }

        return best;
    }

    private static string Pair((double Police, double Resident) f1) => FormattableString.Invariant($"({f1.Police:0.000}, {f1.Resident:0.000})");

    /// <summary>One theme's model, its out-of-fold decisions and report lines, and what they came from.</summary>
    private sealed record ThemeFit(ThemeModelTheme Model, bool[] OutOfFold, string[] Report, double[] Probabilities, bool[] Lexicon);
}
