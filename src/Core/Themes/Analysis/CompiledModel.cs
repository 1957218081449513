namespace Grastorp.Intake.Core.Themes.Analysis;

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
        string[] featureNames,
        bool[] applies,
        double[] bias,
        double[] threshold,
        double[] veto,
        double[] lexiconWeights,
        int themeCount)
    {
        FeatureOfId = featureOfId;
        Bigrams = bigrams;
        Weights = weights;
        FeatureNames = featureNames;
        Applies = applies;
        Bias = bias;
        Threshold = threshold;
        Veto = veto;
        LexiconWeights = lexiconWeights;
        ThemeCount = themeCount;
    }

    /// <summary>Vocabulary id → unigram feature index, or -1.</summary>
    public int[] FeatureOfId { get; }

    /// <summary><see cref="BigramKey"/> of two vocabulary ids → bigram feature index.</summary>
    public Dictionary<long, int> Bigrams { get; }

    /// <summary>Weight of feature <c>f</c> for theme <c>t</c> at <c>f * ThemeCount + t</c>.</summary>
    public double[] Weights { get; }

    /// <summary>Per feature index: its name (<c>w:stem</c>, <c>b:stem stem</c>).</summary>
    public string[] FeatureNames { get; }

    /// <summary>Per classifier theme: whether the model has a decision for it.</summary>
    public bool[] Applies { get; }

    public double[] Bias { get; }

    public double[] Threshold { get; }

    public double[] Veto { get; }

    /// <summary>Weight of the lexicon evidence of theme <c>s</c> for theme <c>t</c> at <c>t * ThemeCount + s</c>.</summary>
    public double[] LexiconWeights { get; }

    public int ThemeCount { get; }

    public static long BigramKey(int first, int second) => ((long)first << 32) | (uint)second;

    /// <summary>
    /// Compiles a validated model; its stems join <paramref name="vocabulary"/> and <paramref name="stems"/>.
    /// </summary>
    /// <exception cref="LexiconException">The model names a theme the lexicons do not have.</exception>
    public static CompiledModel Compile(
        ThemeModel model,
        string source,
        IReadOnlyDictionary<string, int> themeIndex,
        Dictionary<string, int> vocabulary,
        List<string> stems)
    {
        var themeCount = themeIndex.Count;
        var unknown = model.Themes.Select(t => t.Id).Where(id => !themeIndex.ContainsKey(id))
            .Concat(model.Themes.SelectMany(t => t.Weights.Keys)
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

        int IdOf(string stem)
        {
            if (!vocabulary.TryGetValue(stem, out var id))
            {
                id = vocabulary[stem] = stems.Count;
                stems.Add(stem);
            }

            return id;
        }

        var features = new Dictionary<string, int>(StringComparer.Ordinal);
        var unigrams = new Dictionary<int, int>();
        var bigrams = new Dictionary<long, int>();
        foreach (var name in model.Themes.SelectMany(t => t.Weights.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (name.StartsWith(ThemeFeatures.WordPrefix, StringComparison.Ordinal))
            {
                features[name] = unigrams[IdOf(name[ThemeFeatures.WordPrefix.Length..])] = features.Count;
            }
            else if (name.StartsWith(ThemeFeatures.BigramPrefix, StringComparison.Ordinal))
            {
                var pair = name[ThemeFeatures.BigramPrefix.Length..].Split(' ');
                features[name] = bigrams[BigramKey(IdOf(pair[0]), IdOf(pair[1]))] = features.Count;
            }
        }

        var featureOfId = Enumerable.Repeat(-1, stems.Count).ToArray();
        foreach (var (id, feature) in unigrams)
        {
            featureOfId[id] = feature;
        }

        var weights = new double[features.Count * themeCount];
        var applies = new bool[themeCount];
        var bias = new double[themeCount];
        var threshold = new double[themeCount];
        var veto = new double[themeCount];
        var lexiconWeights = new double[themeCount * themeCount];
        foreach (var theme in model.Themes)
        {
            var t = themeIndex[theme.Id];
            applies[t] = true;
            bias[t] = theme.Bias;
            threshold[t] = theme.Threshold;
            veto[t] = theme.Veto;
            foreach (var (name, weight) in theme.Weights)
            {
                if (name.StartsWith(ThemeFeatures.LexiconPrefix, StringComparison.Ordinal))
                {
                    lexiconWeights[(t * themeCount) + themeIndex[name[ThemeFeatures.LexiconPrefix.Length..]]] = weight;
                }
                else
                {
                    weights[(features[name] * themeCount) + t] = weight;
                }
            }
        }

        var featureNames = new string[features.Count];
        foreach (var (name, feature) in features)
        {
            featureNames[feature] = name;
        }

        return new CompiledModel(featureOfId, bigrams, weights, featureNames, applies, bias, threshold, veto, lexiconWeights, themeCount);
    }

    /// <summary>
    /// The probability per theme (NaN where the model has no decision) from the de-duplicated, sorted feature indices
    /// and the lexicon's scores.
    /// </summary>
    public void Probabilities(ReadOnlySpan<int> features, ThemeScores scores, double[] lexiconThresholds, Span<double> probabilities)
    {
        Span<double> evidence = stackalloc double[ThemeCount];
        for (var s = 0; s < ThemeCount; s++)
        {
            evidence[s] = Math.Min(ThemeFeatures.MaxLexiconEvidence, scores.Score(s) / lexiconThresholds[s]);
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

            foreach (var feature in features)
            {
                logit += Weights[(feature * ThemeCount) + t];
            }

            probabilities[t] = 1 / (1 + Math.Exp(-logit));
        }
    }
}
