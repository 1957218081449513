namespace Grastorp.Intake.Classification;

/// <summary>The themes of a set of lexicons, in the order they first appear, each with its threshold.</summary>
internal static class LexiconThemeOrder
{
    public static (List<string> Order, Dictionary<string, double> Thresholds) Of(List<LexiconDocument> documents)
    {
        var order = new List<string>();
        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var theme in documents.SelectMany(d => d.Themes))
        {
            if (!thresholds.ContainsKey(theme.Id))
            {
                order.Add(theme.Id);
            }

            // A theme in two languages keeps the lower threshold: one lexicon's words should be enough.
            thresholds[theme.Id] = thresholds.TryGetValue(theme.Id, out var t) ? Math.Min(t, theme.Threshold) : theme.Threshold;
        }

        return (order, thresholds);
    }
}
