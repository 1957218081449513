using System.Collections.Frozen;

using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification;

/// <summary>
/// The plain substring keyword list: the baseline that a real classifier has to beat, and a fallback
/// that needs no data files.
/// </summary>
public sealed class KeywordTipClassifier : ITipClassifier
{
    private static readonly FrozenDictionary<string, string[]> Keywords = new Dictionary<string, string[]>
    {
        [Theme.Drugs] = ["narkotika", "knark", "droger", "drog", "cannabis", "hasch", "kokain", "amfetamin", "langa", "langning", "påverkad", "drugs"],
        [Theme.Traffic] = ["trafik", "fortkör", "hastighet", "kör för fort", "rattfyll", "bil", "moped", "cykel", "övergångsställe", "olycka", "speeding", "traffic"],
        [Theme.Burglary] = ["inbrott", "stöld", "stulen", "stulit", "stal", "tjuv", "grannsamverkan", "burglary", "theft", "stolen"],
    }.ToFrozenDictionary();

    public IReadOnlyList<string> Themes { get; } = [Theme.Drugs, Theme.Traffic, Theme.Burglary, Theme.Other];

    public TipClassification Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = new List<ThemeMatch>();
        foreach (var theme in Themes)
        {
            if (!Keywords.TryGetValue(theme, out var words))
            {
                continue;
            }

            var found = words.Where(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (found.Length > 0)
            {
                matches.Add(new ThemeMatch(theme, Math.Min(1.0, 0.5 + (0.25 * found.Length)), found));
            }
        }

        return matches.Count == 0
            ? TipClassification.Unmatched
            : new TipClassification([.. matches.OrderByDescending(m => m.Confidence)]);
    }
}
