namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>
/// A <see cref="ThemeModel"/> turned into arrays over the Swedish lexicon's vocabulary ids: scoring a tip is then a sum
/// over the feature indices its tokens already carry. Immutable, thread-safe.
/// </summary>
internal sealed class CompiledModel
{
    private CompiledModel(
        int[] featureOfId,
        Dictionary<long, int> bigrams,
        double[] weights,
        bool[] applies,
        double[] bias,
        double[] threshold,
        double[] veto,
        double[] lexiconWeights,
        int themeCount,
        ThemeModelCharGrams? charGrams,
        int[] featureOfBucket)
    {
        CharGrams = charGrams;
        FeatureOfBucket = featureOfBucket;
        FeatureOfId = featureOfId;
        Bigrams = bigrams;
        Weights = weights;
        Applies = applies;
        Bias = bias;
        Threshold = threshold;
        Veto = veto;
        LexiconWeights = lexiconWeights;
        ThemeCount = themeCount;
        Stride = themeCount + 1;
    }

    /// <summary>Vocabulary id → unigram feature index, or -1.</summary>
    public int[] FeatureOfId { get; }

    /// <summary>See <see cref="ThemeModel.WordScale"/>.</summary>
    public double? WordScale { get; private init; }

    /// <summary>The character n-gram settings, or null when the model reads none.</summary>
    public ThemeModelCharGrams? CharGrams { get; }

    /// <summary>Character n-gram bucket → feature index, or -1 (empty without <see cref="CharGrams"/>).</summary>
    public int[] FeatureOfBucket { get; }

    /// <summary><see cref="BigramKey"/> of two vocabulary ids → bigram feature index.</summary>
    public Dictionary<long, int> Bigrams { get; }

    /// <summary>
    /// Weight of feature <c>f</c> for theme <c>t</c> at <c>f * Stride + t</c>; the learned <c>other</c> class's at
    /// <c>f * Stride + ThemeCount</c>.
    /// </summary>
    public double[] Weights { get; }

    /// <summary>Per classifier theme: whether the model has a decision for it.</summary>
    public bool[] Applies { get; }

    public double[] Bias { get; }

    public double[] Threshold { get; }

    public double[] Veto { get; }

    /// <summary>Weight of the lexicon evidence of theme <c>s</c> for theme <c>t</c> at <c>t * ThemeCount + s</c>.</summary>
    public double[] LexiconWeights { get; }

    public int ThemeCount { get; }

    /// <summary>Columns per feature in <see cref="Weights"/>: the themes, then <c>other</c>.</summary>
    public int Stride { get; }

    /// <summary>The learned <c>other</c> class, or null (then <c>other</c> is what no theme passed).</summary>
    public ThemeModelOther? Other { get; private set; }

    /// <summary>Weight of the lexicon evidence of theme <c>s</c> for the learned <c>other</c> class.</summary>
    public double[] OtherLexiconWeights { get; private set; } = [];

    public static long BigramKey(int first, int second) => ((long)first << 32) | (uint)second;

    /// <summary>
    /// Compiles a validated model; its stems join <paramref name="vocabulary"/>.
    /// </summary>
    /// <exception cref="LexiconException">The model names a theme the lexicons do not have.</exception>
    public static CompiledModel Compile(
        ThemeModel model,
        string source,
        IReadOnlyDictionary<string, int> themeIndex,
        VocabularyBuilder vocabulary)
    {
        ThrowOnUnknownThemes(model, source, themeIndex);
        var (features, featureOfId, bigrams, featureOfBucket) = IndexFeatures(model, vocabulary);
        var themeCount = themeIndex.Count;
        var compiled = new CompiledModel(
            featureOfId,
            bigrams,
            new double[features.Count * (themeCount + 1)],
            new bool[themeCount],
            new double[themeCount],
            new double[themeCount],
            new double[themeCount],
            new double[themeCount * themeCount],
            themeCount,
            model.CharGrams,
            featureOfBucket)
        {
            WordScale = model.WordScale,
        };
        foreach (var theme in model.Themes)
        {
            compiled.SetTheme(themeIndex[theme.Id], theme, features, themeIndex);
        }

        if (model.Other is { } other)
        {
            compiled.SetOther(other, features, themeIndex);
        }

        return compiled;
    }

    private static void ThrowOnUnknownThemes(ThemeModel model, string source, IReadOnlyDictionary<string, int> themeIndex)
    {
        var unknown = model.Themes.Select(t => t.Id).Where(id => !themeIndex.ContainsKey(id))
            .Concat(model.Themes.SelectMany(t => t.Weights.Keys).Concat(model.Other?.Weights.Keys ?? [])
                .Where(k => k.StartsWith(ThemeFeatures.LexiconPrefix, StringComparison.Ordinal))
                .Select(k => k[ThemeFeatures.LexiconPrefix.Length..])
                .Where(id => !themeIndex.ContainsKey(id)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count > 0)
        {
            throw new LexiconException(
                $"Theme model '{source}' is invalid: theme {string.Join(", ", unknown.Select(u => $"'{u}'"))} is in no lexicon");
        }
    }

    /// <summary>
    /// Numbers the word and bigram features in name order (so a model compiles the same whatever the order of its
    /// file), adding their stems to <paramref name="vocabulary"/>.
    /// </summary>
    private static (Dictionary<string, int> Features, int[] FeatureOfId, Dictionary<long, int> Bigrams, int[] FeatureOfBucket) IndexFeatures(
        ThemeModel model, VocabularyBuilder vocabulary)
    {
        var featureOfBucket = Enumerable.Repeat(-1, model.CharGrams?.Buckets ?? 0).ToArray();
        var features = new Dictionary<string, int>(StringComparer.Ordinal);
        var unigrams = new Dictionary<int, int>();
        var bigrams = new Dictionary<long, int>();
        foreach (var name in model.Themes.SelectMany(t => t.Weights.Keys).Concat(model.Other?.Weights.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (name.StartsWith(ThemeFeatures.WordPrefix, StringComparison.Ordinal))
            {
                features[name] = unigrams[vocabulary.IdOf(name[ThemeFeatures.WordPrefix.Length..])] = features.Count;
            }
            else if (name.StartsWith(ThemeFeatures.BigramPrefix, StringComparison.Ordinal))
            {
                var pair = name[ThemeFeatures.BigramPrefix.Length..].Split(' ');
                features[name] = bigrams[BigramKey(vocabulary.IdOf(pair[0]), vocabulary.IdOf(pair[1]))] = features.Count;
            }
            else if (ThemeFeatures.CharGramBucket(name) is var bucket and >= 0)
            {
                features[name] = featureOfBucket[bucket] = features.Count;
            }
        }

        var featureOfId = Enumerable.Repeat(-1, vocabulary.Stems.Count).ToArray();
        foreach (var (id, feature) in unigrams)
        {
            featureOfId[id] = feature;
        }

        return (features, featureOfId, bigrams, featureOfBucket);
    }

    private void SetTheme(int t, ThemeModelTheme theme, Dictionary<string, int> features, IReadOnlyDictionary<string, int> themeIndex)
    {
        Applies[t] = true;
        Bias[t] = theme.Bias;
        Threshold[t] = theme.Threshold;
        Veto[t] = theme.Veto;
        foreach (var (name, weight) in theme.Weights)
        {
            if (name.StartsWith(ThemeFeatures.LexiconPrefix, StringComparison.Ordinal))
            {
                LexiconWeights[(t * ThemeCount) + themeIndex[name[ThemeFeatures.LexiconPrefix.Length..]]] = weight;
            }
            else
            {
                Weights[(features[name] * Stride) + t] = weight;
            }
        }
    }

    private void SetOther(ThemeModelOther other, Dictionary<string, int> features, IReadOnlyDictionary<string, int> themeIndex)
    {
        Other = other;
        OtherLexiconWeights = new double[ThemeCount];
        foreach (var (name, weight) in other.Weights)
        {
            if (name.StartsWith(ThemeFeatures.LexiconPrefix, StringComparison.Ordinal))
            {
                OtherLexiconWeights[themeIndex[name[ThemeFeatures.LexiconPrefix.Length..]]] = weight;
            }
            else
            {
                Weights[(features[name] * Stride) + ThemeCount] = weight;
            }
        }
    }

    /// <summary>
    /// The probability per theme (NaN where the model has no decision) from the de-duplicated, sorted feature indices
    /// and the lexicon's scores.
    /// </summary>
    /// <param name="features">Word and bigram features, each with value <paramref name="wordValue"/>.</param>
    /// <param name="wordValue">See <see cref="ThemeFeatures.WordValue"/>.</param>
    /// <param name="charGramFeatures">Character n-gram features, each with value <paramref name="charGramValue"/>.</param>
    /// <returns>The learned <c>other</c> class's probability, or NaN without one.</returns>
    public double Probabilities(
        ReadOnlySpan<int> features,
        double wordValue,
        ReadOnlySpan<int> charGramFeatures,
        double charGramValue,
        ThemeScores scores,
        double[] lexiconThresholds,
        Span<double> probabilities)
    {
        Span<double> evidence = stackalloc double[ThemeCount];
        for (var s = 0; s < ThemeCount; s++)
        {
            evidence[s] = ThemeFeatures.LexiconEvidence(scores.Score(s), lexiconThresholds[s]);
        }

        for (var t = 0; t < ThemeCount; t++)
        {
            if (!Applies[t])
            {
                probabilities[t] = double.NaN;
                continue;
            }

            var logit = Bias[t];
            for (var s = 0; s < ThemeCount; s++)
            {
                logit += LexiconWeights[(t * ThemeCount) + s] * evidence[s];
            }

            probabilities[t] = Logistic(logit + Sum(features, wordValue, charGramFeatures, charGramValue, t));
        }

        if (Other is not { } other)
        {
            return double.NaN;
        }

        var otherLogit = other.Bias;
        for (var s = 0; s < ThemeCount; s++)
        {
            otherLogit += OtherLexiconWeights[s] * evidence[s];
        }

        return Logistic(otherLogit + Sum(features, wordValue, charGramFeatures, charGramValue, ThemeCount));
    }

    private static double Logistic(double logit) => 1 / (1 + Math.Exp(-logit));

    /// <summary>The word, bigram and n-gram part of column <paramref name="column"/>'s logit.</summary>
    private double Sum(ReadOnlySpan<int> features, double wordValue, ReadOnlySpan<int> charGramFeatures, double charGramValue, int column)
    {
        var sum = 0.0;
        foreach (var feature in features)
        {
            sum += Weights[(feature * Stride) + column];
        }

        var charGrams = 0.0;
        foreach (var feature in charGramFeatures)
        {
            charGrams += Weights[(feature * Stride) + column];
        }

        return (wordValue * sum) + (charGramValue * charGrams);
    }
}
