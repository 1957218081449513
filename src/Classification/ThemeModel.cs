namespace Grastorp.Intake.Classification;

/// <summary>
/// The learned linear layer on top of the lexicon, as written by the CLI's <c>train</c> command: per theme a bias, a
/// weight per feature, and the decision thresholds chosen on tuning data. Features are what the Swedish analysis of a
/// tip already gives (see <see cref="ThemeFeatures"/>), so scoring is a dot product; no ML library runs in the app.
/// See <c>Themes/Models/README.md</c>.
/// </summary>
public sealed record ThemeModel
{
    /// <summary>The analysis the features come from; only <c>sv</c> (every tip gets the Swedish analysis).</summary>
    public string Language { get; init; } = "";

    /// <summary>Where the weights were learned from, for people (data, licence, command).</summary>
    public string Source { get; init; } = "";

    /// <summary>
    /// How word and word-pair features count: null (or absent) 1 each; otherwise each present one counts
    /// <c>WordScale / √n</c>, n being the number of words the model reads in the tip (see
    /// <see cref="ThemeFeatures.WordValue"/>), so a long tip's many words do not outweigh a short tip's few.
    /// </summary>
    public double? WordScale { get; init; }

    /// <summary>The character n-gram layer's settings, or null for a model without <c>c:</c> features.</summary>
    public ThemeModelCharGrams? CharGrams { get; init; }

    public IReadOnlyList<ThemeModelTheme> Themes { get; init; } = [];

    /// <summary>The learned <c>other</c> class, or null when <c>other</c> is only what no theme passed.</summary>
    public ThemeModelOther? Other { get; init; }

    /// <summary>The text layer, or null for none (see <see cref="ThemeModelText"/>).</summary>
    public ThemeModelText? Text { get; init; }
}
