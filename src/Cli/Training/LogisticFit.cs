using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Grastorp.Intake.Cli.Training;

/// <summary>
/// One logistic regression fitted with ML.NET's L-BFGS over sparse vectors, single-threaded (so a run is repeatable),
/// for both learned layers. ML.NET minimises (Σ weight × loss + L2 / 2 × |w|² + L1 × |w|₁) / Σ weight, so L2 = 1 / C
/// of scikit-learn's <c>LogisticRegression(C)</c>.
/// </summary>
internal static class LogisticFit
{
    /// <returns>The bias and one weight per feature.</returns>
    public static (double Bias, double[] Weights) Fit(
        MLContext ml, SparseVector[] vectors, int size, bool[] labels, float[] exampleWeights, IEnumerable<int> rows, float l1, float l2)
    {
        var data = rows.Select(i => new Row { Features = new VBuffer<float>(size, vectors[i].Indices.Length, vectors[i].Values, vectors[i].Indices), Label = labels[i], Weight = exampleWeights[i] }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            L1Regularization = l1,
            L2Regularization = l2,
            NumberOfThreads = 1,
        });
        var linear = trainer.Fit(ml.Data.LoadFromEnumerable(data, schema)).Model.SubModel;
        return (linear.Bias, [.. linear.Weights.Select(w => (double)w)]);
    }

    /// <summary>
    /// Each example's weight for one label: its domain's weight, times the class balance: an example of a side with
    /// share s of the texts gets (1 / (2 s)) to the power <paramref name="balance"/> (0: as they are; 1: both sides
    /// weigh the same in total, scikit-learn's <c>class_weight="balanced"</c>).
    /// </summary>
    public static float[] Balanced(float[] domainWeights, bool[] labels, double balance)
    {
        if (balance == 0)
        {
            return domainWeights;
        }

        var positives = labels.Count(l => l);
        var share = (double)positives / labels.Length;
        var positive = Math.Pow(1 / (2 * Math.Max(share, 1e-6)), balance);
        var negative = Math.Pow(1 / (2 * Math.Max(1 - share, 1e-6)), balance);
        return [.. domainWeights.Select((w, i) => (float)(w * (labels[i] ? positive : negative)))];
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float Weight { get; set; }

        [VectorType]
        public VBuffer<float> Features { get; set; }
    }
}
