namespace Grastorp.Intake.Classification;

/// <summary>
/// The text layer: a second learned layer that reads the tip's own words and their character n-grams the way a TF-IDF
/// classifier does (every word, function words too; n-grams of a few characters inside each word, 3 to 5 in the shipped
/// model), one logistic regression per theme and one (id <c>other</c>) for "about none of the themes". It generalises
/// to writing the lexicon has never seen, where the first layer leans on the lexicon; the decision rule lets it add a
/// theme it is sure of and drop a learned guess it is sure against (<see cref="DecisionRule.ApplyText"/>). Negated words
/// give it nothing. Features are hashed into buckets; see <see cref="Analysis.Model.TextGrams"/>.
/// </summary>
public sealed record ThemeModelText
{
    public const int FewestBuckets = 1 << 10;
    public const int MostBuckets = 1 << 20;

    /// <summary>The shortest character n-gram (the word's edges count as a space).</summary>
    public int MinLength { get; init; } = 2;

    /// <summary>The longest character n-gram.</summary>
    public int MaxLength { get; init; } = 5;

    /// <summary>Buckets for words and word pairs (a power of two).</summary>
    public int WordBuckets { get; init; } = 1 << 16;

    /// <summary>Buckets for character n-grams (a power of two).</summary>
    public int CharBuckets { get; init; } = 1 << 16;

    /// <summary>A theme the first layer gave is dropped when the text layer's probability for it is below this (0: never).</summary>
    public double Keep { get; init; }

    /// <summary>
    /// A theme the first layer did not give is added when the text layer's probability reaches this; and when no theme
    /// is left, the likeliest is given if it beats <c>other</c> (<see cref="DecisionRule.ApplyText"/>).
    /// </summary>
    public double Add { get; init; } = 0.5;

    /// <summary>Per bucket, words then n-grams: its inverse document frequency (0: a feature too rare to read).</summary>
    public ThemeModelVector Idf { get; init; } = new();

    /// <summary>One logistic regression per theme id, and optionally one with id <c>other</c>.</summary>
    public IReadOnlyList<ThemeModelTextColumn> Columns { get; init; } = [];

    /// <summary>Every problem with these settings; empty when they can be used.</summary>
    public IEnumerable<string> Problems() => ShapeProblems().Concat(LearnedProblems());

    /// <summary>Problems with the n-gram lengths and bucket counts (what a training run is given).</summary>
    public IEnumerable<string> ShapeProblems()
    {
        if (MinLength < 1 || MaxLength > ThemeModelCharGrams.LargestLength || MinLength > MaxLength)
        {
            yield return $"text: lengths must satisfy 1 ≤ minLength ≤ maxLength ≤ {ThemeModelCharGrams.LargestLength}";
        }

        foreach (var (name, buckets) in new[] { ("wordBuckets", WordBuckets), ("charBuckets", CharBuckets) })
        {
            if (buckets < FewestBuckets || buckets > MostBuckets || (buckets & (buckets - 1)) != 0)
            {
                yield return $"text: {name} must be a power of two from {FewestBuckets} to {MostBuckets}";
            }
        }
    }

    private IEnumerable<string> LearnedProblems()
    {
        if (!(Keep >= 0 && Keep <= 1) || !(Add >= 0 && Add <= 1))
        {
            yield return "text: keep and add must be from 0 to 1";
        }

        // A negative idf would count against a word's presence, and the app and training skip such buckets differently.
        foreach (var problem in Idf?.Problems("text.idf", WordBuckets + CharBuckets, nonNegative: true) ?? ["text: idf is missing"])
        {
            yield return problem;
        }

        if (Columns is null || Columns.Count == 0 || Columns.Any(c => c is null || string.IsNullOrEmpty(c.Id) || c.Weights is null))
        {
            yield return "text: columns must be one or more, each with an id and weights";
            yield break;
        }

        if (Columns.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() != Columns.Count)
        {
            yield return "text: a theme has more than one column";
        }

        foreach (var column in Columns)
        {
            if (!double.IsFinite(column.Bias) || Math.Abs(column.Bias) > ThemeModelLoader.MaxWeight)
            {
                yield return $"text.{column.Id}: bias must be a finite number of at most {ThemeModelLoader.MaxWeight}";
            }

            foreach (var problem in column.Weights.Problems($"text.{column.Id}.weights", WordBuckets + CharBuckets))
            {
                yield return problem;
            }
        }
    }
}
