using Grastorp.Intake.Classification.Analysis.Model;
using Grastorp.Intake.Classification.Analysis.Text;
using Lucene.Net.Analysis;

namespace Grastorp.Intake.Classification.Analysis;

/// <summary>
/// The vocabulary as it is being compiled: each distinct stem gets the next id, so the lexicon's stems come first and
/// the model's after them.
/// </summary>
internal sealed class VocabularyBuilder(Analyzer analyzer)
{
    /// <summary>Stem → vocabulary id.</summary>
    public Dictionary<string, int> Ids { get; } = new(StringComparer.Ordinal);

    /// <summary>Vocabulary id → stem.</summary>
    public List<string> Stems { get; } = [];

    /// <summary>The id of <paramref name="stem"/>, added when new.</summary>
    public int IdOf(string stem)
    {
        if (!Ids.TryGetValue(stem, out var id))
        {
            id = Ids[stem] = Stems.Count;
            Stems.Add(stem);
        }

        return id;
    }

    /// <summary>The ids of the stems the lexicon's analysis gives for <paramref name="text"/>, in order.</summary>
    public int[] Analyse(string text) => [.. analyzer.Words(text).Select(IdOf)];
}
