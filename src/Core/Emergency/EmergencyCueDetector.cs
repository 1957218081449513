namespace Grastorp.Intake.Core.Emergency;

/// <summary>
/// Finds phrases that signal an emergency happening now ("pågår nu", "har en kniv", "det brinner"), and ignores them
/// when negated ("ingen är skadad", "det brinner inte") or told as past ("pågick i går", "hotade att … förra året").
/// A false cue only shows a 112 reminder, a missed one may cost more, so a clause that says both past and now counts.
/// </summary>
public sealed class EmergencyCueDetector(EmergencyPhrases phrases)
{
    // Phrases by their first word, so a tip's words are looked up once each instead of every phrase scanning the tip.
    private readonly Dictionary<string, IReadOnlyList<string>[]> _byFirstWord = phrases.Phrases
        .GroupBy(p => p[0], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private const int PhraseGap = 1;
    private const int MarkerGap = 3;
    private const int NegationBefore = 2;
    private const int NegationAfter = 2;

    /// <summary>With the built-in phrase file.</summary>
    public EmergencyCueDetector()
        : this(EmergencyPhrases.LoadBuiltIn())
    {
    }

    public EmergencyCue Detect(string? text) => Detect(text, firstOnly: false);

    /// <summary>
    /// Whether the text reads as happening now, stopping at the first phrase that counts: the form asks this while the
    /// resident writes, and the answer is only the flag.
    /// </summary>
    public bool Signals(string? text) => Detect(text, firstOnly: true).IsEmergency;

    private EmergencyCue Detect(string? text, bool firstOnly)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return EmergencyCue.None;
        }

        var words = EmergencyText.Words(text);
        var found = new List<string>();
        for (var start = 0; start < words.Count; start++)
        {
            if (!_byFirstWord.TryGetValue(words[start].Text, out var candidates))
            {
                continue;
            }

            foreach (var phrase in candidates)
            {
                if (MatchAt(words, start, phrase, PhraseGap) is { } end && !IsNegated(words, start, end, phrase) && !IsPast(words, start, end))
                {
                    var name = string.Join(' ', phrase);
                    if (!found.Contains(name))
                    {
                        found.Add(name);
                    }

                    if (firstOnly)
                    {
                        return new EmergencyCue(found);
                    }
                }
            }
        }

        return found.Count == 0 ? EmergencyCue.None : new EmergencyCue(found);
    }

    /// <summary>The index of the phrase's last word when it starts at <paramref name="start"/> within one clause, else null.</summary>
    private static int? MatchAt(IReadOnlyList<ClauseWord> words, int start, IReadOnlyList<string> phrase, int gap)
    {
        if (words[start].Text != phrase[0])
        {
            return null;
        }

        var at = start;
        for (var i = 1; i < phrase.Count; i++)
        {
            var next = -1;
            for (var j = at + 1; j <= at + 1 + gap && j < words.Count && words[j].Clause == words[start].Clause; j++)
            {
                if (words[j].Text == phrase[i])
                {
                    next = j;
                    break;
                }
            }

            if (next < 0)
            {
                return null;
            }

            at = next;
        }

        return at;
    }

    private bool IsNegated(IReadOnlyList<ClauseWord> words, int start, int end, IReadOnlyList<string> phrase)
    {
        var clause = words[start].Clause;
        for (var i = Math.Max(0, start - NegationBefore); i <= Math.Min(words.Count - 1, end + NegationAfter); i++)
        {
            // A phrase's own negation ("andas inte", "not breathing") is what it says, not a denial of it.
            var ownWord = i >= start && i <= end && phrase.Contains(words[i].Text);
            if (!ownWord && words[i].Clause == clause && (phrases.Negations.Contains(words[i].Text) || words[i].Text.EndsWith("n't", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPast(IReadOnlyList<ClauseWord> words, int start, int end)
    {
        var clause = words[start].Clause;
        var inClause = Enumerable.Range(0, words.Count).Where(i => words[i].Clause == clause).ToList();
        var outsidePhrase = inClause.Where(i => i < start || i > end).ToList();
        return ContainsAny(words, inClause, phrases.Past) && !ContainsAny(words, outsidePhrase, phrases.Now);
    }

    private static bool ContainsAny(IReadOnlyList<ClauseWord> words, List<int> positions, IReadOnlyList<IReadOnlyList<string>> markers)
    {
        if (positions.Count == 0)
        {
            return false;
        }

        // Markers match within the given positions only (a clause, or a clause without the phrase).
        var subset = positions.Select(i => words[i]).ToList();
        for (var i = 0; i < subset.Count; i++)
        {
            foreach (var marker in markers)
            {
                if (MatchAt(subset, i, marker, MarkerGap) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
