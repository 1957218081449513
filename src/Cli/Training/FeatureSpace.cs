using Grastorp.Intake.Classification;

namespace Grastorp.Intake.Cli.Training;

/// <summary>
/// The training features as sparse vectors: every word or bigram seen in at least the minimum number of texts, every
/// character n-gram bucket seen in at least its own minimum, and every lexicon evidence feature. Sparse, because with
/// character n-grams there are tens of thousands of features and each text has a few hundred.
/// </summary>
internal sealed class FeatureSpace
{
    private readonly SparseVector[] _vectors;

    private FeatureSpace(string[] names, SparseVector[] vectors)
    {
        Names = names;
        _vectors = vectors;
    }

    /// <summary>Feature names in vector order (ordinal).</summary>
    public string[] Names { get; }

    public static FeatureSpace Build(IReadOnlyList<TrainingExample> examples, int minCount, int charGramMinCount)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in examples.SelectMany(e => e.Features.Keys))
        {
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        var names = counts.Where(c => c.Key.StartsWith(ThemeFeatures.LexiconPrefix, StringComparison.Ordinal)
                || c.Value >= (c.Key.StartsWith(ThemeFeatures.CharGramPrefix, StringComparison.Ordinal) ? charGramMinCount : minCount))
            .Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var vectors = examples.Select(e =>
        {
            var present = e.Features.Where(f => index.ContainsKey(f.Key)).Select(f => (Index: index[f.Key], Value: (float)f.Value))
                .OrderBy(f => f.Index).ToArray();
            return new SparseVector([.. present.Select(f => f.Index)], [.. present.Select(f => f.Value)]);
        }).ToArray();
        return new FeatureSpace(names, vectors);
    }

    /// <summary>Every feature of every text, every theme's lexicon evidence included: what the <c>other</c> model reads.</summary>
    public SparseVector[] All => _vectors;

    /// <summary>
    /// The vectors a theme's model reads: its own lexicon evidence but no other theme's. Police texts carry one label
    /// each, so other themes' evidence would be learned as a reason against this theme, and a resident's tip about two
    /// things would lose one.
    /// </summary>
    public SparseVector[] VectorsFor(string theme)
    {
        var foreign = Names.Select((n, i) => (n, i))
            .Where(x => x.n.StartsWith(ThemeFeatures.LexiconPrefix, StringComparison.Ordinal) && x.n != ThemeFeatures.Lexicon(theme))
            .Select(x => x.i).ToHashSet();
        return [.. _vectors.Select(v =>
        {
            var keep = Enumerable.Range(0, v.Indices.Length).Where(k => !foreign.Contains(v.Indices[k])).ToArray();
            return keep.Length == v.Indices.Length ? v : new SparseVector([.. keep.Select(k => v.Indices[k])], [.. keep.Select(k => v.Values[k])]);
        })];
    }
}

/// <summary>A training vector's non-zero entries, indices ascending.</summary>
internal sealed record SparseVector(int[] Indices, float[] Values);
