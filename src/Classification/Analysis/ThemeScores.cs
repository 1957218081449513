namespace Grastorp.Intake.Classification.Analysis;

/// <summary>Running totals for one tip: per theme, the weight of the distinct terms found and those terms.</summary>
internal sealed class ThemeScores
{
    private readonly double[] _scores;
    private readonly List<string>?[] _matched;

    public ThemeScores(int themeCount)
    {
        _scores = new double[themeCount];
        _matched = new List<string>?[themeCount];
    }

    public double Score(int theme) => _scores[theme];

    public IReadOnlyList<string> Matched(int theme) => (IReadOnlyList<string>?)_matched[theme] ?? [];

    /// <summary>Adds a term once per tip: repeating a word does not make a tip more about it.</summary>
    public void Add(int theme, string display, double weight)
    {
        var matched = _matched[theme] ??= [];
        if (matched.Contains(display, StringComparer.Ordinal))
        {
            return;
        }

        matched.Add(display);
        _scores[theme] += weight;
    }
}
