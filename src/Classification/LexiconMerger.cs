namespace Grastorp.Intake.Classification;

/// <summary>
/// Combines a built-in lexicon with a municipality's additions of the same language: a theme id that exists gets the
/// extra words and away phrases, a new id becomes a new theme after the built-in ones.
/// </summary>
public static class LexiconMerger
{
    public static LexiconDocument Merge(LexiconDocument baseLexicon, LexiconDocument addition)
    {
        ArgumentNullException.ThrowIfNull(baseLexicon);
        ArgumentNullException.ThrowIfNull(addition);
        if (baseLexicon.Language != addition.Language)
        {
            throw new ArgumentException("Only lexicons of one language can be merged.", nameof(addition));
        }

        var themes = baseLexicon.Themes.ToList();
        foreach (var extra in addition.Themes)
        {
            var index = themes.FindIndex(t => t.Id == extra.Id);
            themes.Add(extra);
            if (index >= 0)
            {
                themes[index] = themes[index] with
                {
                    Terms = [.. themes[index].Terms, .. extra.Terms],
                    Away = [.. themes[index].Away, .. extra.Away],
                };
                themes.RemoveAt(themes.Count - 1);
            }
        }

        var cues = baseLexicon.Cues.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        foreach (var (name, words) in addition.Cues)
        {
            cues[name] = cues.TryGetValue(name, out var existing) ? [.. existing.Union(words, StringComparer.Ordinal)] : words;
        }

        return baseLexicon with
        {
            Negations = [.. baseLexicon.Negations.Union(addition.Negations, StringComparer.Ordinal)],
            Unstemmed = [.. baseLexicon.Unstemmed.Union(addition.Unstemmed, StringComparer.Ordinal)],
            NegationBridges = [.. baseLexicon.NegationBridges.Union(addition.NegationBridges, StringComparer.Ordinal)],
            Cues = cues,
            Themes = themes,
        };
    }
}
