using Grastorp.Intake.Classification;

namespace Grastorp.Intake.Cli.Training;

/// <summary>
/// The training features as dense vectors: every word or bigram seen in at least the minimum number of texts, and
/// every lexicon evidence feature.
/// </summary>
internal sealed class FeatureSpace
{
    private readonly float[][] _vectors;

    private FeatureSpace(string[] names, float[][] vectors)
    {
        Names = names;
        _vectors = vectors;
    }

    /// <summary>Feature names in vector order (ordinal).</summary>
    public string[] Names { get; }

    public static FeatureSpace Build(IReadOnlyList<TrainingExample> examples, int minCount)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in examples.SelectMany(e => e.Features.Keys))
        {
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        var names = counts.Where(c => c.Value >= minCount || c.Key.StartsWith(ThemeFeatures.LexiconPrefix, StringComparison.Ordinal))
            .Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var vectors = examples.Select(e =>
        {
            var vector = new float[names.Length];
            foreach (var (name, value) in e.Features)
            {
                if (index.TryGetValue(name, out var i))
                {
                    vector[i] = (float)value;
                }
            }

            return vector;
        }).ToArray();
        return new FeatureSpace(names, vectors);
    }

    /// <summary>
    /// The vectors a theme's model reads: its own lexicon evidence but no other theme's. Police texts carry one label
    /// each, so other themes' evidence would be learned as a reason against this theme, and a resident's tip about two
    /// things would lose one.
    /// </summary>
    public float[][] VectorsFor(string theme)
    {
        var foreign = Names.Select((n, i) => (n, i))
            .Where(x => x.n.StartsWith(ThemeFeatures.LexiconPrefix, StringComparison.Ordinal) && x.n != ThemeFeatures.Lexicon(theme))
            .Select(x => x.i).ToArray();
        return [.. _vectors.Select(v =>
        {
            var copy = (float[])v.Clone();
            foreach (var i in foreign)
            {
                copy[i] = 0;
            }

            return copy;
        })];
    }
}
