namespace Grastorp.Intake.Classification.Analysis;

/// <summary>
/// Running totals for one tip: per theme, the weight of the distinct terms found, those terms as the lexicon writes
/// them, and the tip's own words they were found in.
/// </summary>
internal sealed class ThemeScores
{
    private readonly double[] _scores;
    private readonly List<string>?[] _terms;
    private readonly List<string>?[] _surfaces;

    public ThemeScores(int themeCount)
    {
        _scores = new double[themeCount];
        _terms = new List<string>?[themeCount];
        _surfaces = new List<string>?[themeCount];
    }

    public double Score(int theme) => _scores[theme];

    /// <summary>The tip's own words (lower case) behind the theme's terms, each once.</summary>
    public IReadOnlyList<string> Matched(int theme) => (IReadOnlyList<string>?)_surfaces[theme] ?? [];

    /// <summary>The lexicon terms found for the theme, as the lexicon writes them.</summary>
    public IReadOnlyList<string> Terms(int theme) => (IReadOnlyList<string>?)_terms[theme] ?? [];

    /// <summary>
    /// Adds a term once per tip: repeating a word does not make a tip more about it. <paramref name="surface"/> is
    /// where the tip says it, shown once however many terms it holds.
    /// </summary>
    public void Add(int theme, string term, string surface, double weight)
    {
        var terms = _terms[theme] ??= [];
        if (terms.Contains(term, StringComparer.Ordinal))
        {
            return;
        }

        terms.Add(term);
        _scores[theme] += weight;
        var surfaces = _surfaces[theme] ??= [];
        if (!surfaces.Contains(surface, StringComparer.Ordinal))
        {
            surfaces.Add(surface);
        }
    }
}
