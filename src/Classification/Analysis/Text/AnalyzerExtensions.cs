using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Grastorp.Intake.Classification.Analysis.Text;

internal static class AnalyzerExtensions
{
    /// <summary>The whole-word tokens of a short text (compound parts left out). Used at load time, not per tip.</summary>
    public static List<string> Words(this Analyzer analyzer, string text)
    {
        var words = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement > 0)
            {
                words.Add(term.ToString());
            }
        }

        stream.End();
        return words;
    }
}
