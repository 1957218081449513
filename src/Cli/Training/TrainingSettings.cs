using Grastorp.Intake.Classification;

namespace Grastorp.Intake.Cli.Training;

/// <summary>Settings of one training run.</summary>
/// <param name="ResidentWeight">How much one resident tip counts against one police text (residents are the real use).</param>
/// <param name="Folds">Cross-validation folds over the training data, for choosing the decision rule.</param>
/// <param name="MinCount">A word or bigram must occur in at least this many training texts to become a feature.</param>
/// <param name="L1">ML.NET L1 regularisation (keeps the weight file small).</param>
/// <param name="L2">ML.NET L2 regularisation.</param>
/// <param name="MinWeight">Weights smaller than this are dropped from the exported model.</param>
/// <param name="CorrectionWeight">How much one staff correction counts against one police text.</param>
/// <param name="Balance">
/// How far each theme's rare side is weighed up: an example of a side with share s of the texts gets (1 / (2 s)) to
/// this power; 0 leaves the classes as they are, 1 makes both sides weigh the same in total (the police set has
/// 688 drug texts of 12,002).
/// </param>
/// <param name="CharGrams">Character n-gram features of the words (null: none).</param>
/// <param name="WordScale">How word and bigram features count (<see cref="ThemeModel.WordScale"/>; null: 1 each).</param>
/// <param name="LearnOther">Also learn <c>other</c> as a class of its own (<see cref="ThemeModelOther"/>).</param>
/// <param name="JointThresholds">With <paramref name="LearnOther"/>: choose each theme's threshold and veto again, for the macro-F1 of the whole decision.</param>
/// <param name="CharGramMinCount">A character n-gram bucket must occur in at least this many texts (null: <paramref name="MinCount"/>).</param>
/// <param name="TextL2">The text layer's L2 regularisation (1 / C of scikit-learn's logistic regression).</param>
/// <param name="TextMinCount">A text layer bucket must occur in at least this many texts.</param>
internal sealed record TrainingSettings(
    double ResidentWeight = 1,
    int Folds = 5,
    int MinCount = 2,
    float L1 = 1f,
    float L2 = 1f,
    double MinWeight = 0.01,
    double CorrectionWeight = 1,
    double Balance = 0,
    ThemeModelCharGrams? CharGrams = null,
    int? CharGramMinCount = null,
    double? WordScale = null,
    bool LearnOther = false,
    bool JointThresholds = false,
    float TextL2 = 0.1f,
    int TextMinCount = 2)
{
    /// <summary>How much one text of <paramref name="domain"/> counts against one police text.</summary>
    public float WeightOf(TrainingDomain domain) => domain switch
    {
        TrainingDomain.Resident => (float)ResidentWeight,
        TrainingDomain.Correction => (float)CorrectionWeight,
        _ => 1f,
    };
}
