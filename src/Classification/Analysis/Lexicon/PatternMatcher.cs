using System.Runtime.InteropServices;

namespace Grastorp.Intake.Classification.Analysis.Lexicon;

/// <summary>
/// Finds a lexicon's patterns in a tokenised tip and scores its terms: a term counts unless a negation stands just
/// before it, it lies in an away phrase of its theme, it lacks the cue its group requires, or a heavier term of its
/// theme holds its words (<see cref="NestedTerms"/>). Immutable, thread-safe.
/// </summary>
internal sealed class PatternMatcher
{
    /// <summary>Words a phrase may skip between its own words ("kör alldeles för fort", "röker han på").</summary>
    private const int PhraseSlop = 1;

    /// <summary>A shown phrase is cut to this length: an explanation points into the tip, it is not a copy of it.</summary>
    private const int SurfaceMaxLength = 60;

    private readonly LexiconPattern[][] _patternsByFirstId;
    private readonly NegationScope _negation;
    private readonly NegationScope? _englishNegation;
    private readonly int _cueCount;

    /// <param name="patternsByFirstId">Per vocabulary id, the patterns that start with it.</param>
    /// <param name="negation">Which words a negation cancels.</param>
    /// <param name="cueCount">How many cues the lexicon has.</param>
    /// <param name="englishNegation">Which words an English negation cancels in a tip that looks English, or null.</param>
    public PatternMatcher(LexiconPattern[][] patternsByFirstId, NegationScope negation, int cueCount, NegationScope? englishNegation = null)
    {
        _patternsByFirstId = patternsByFirstId;
        _negation = negation;
        _englishNegation = englishNegation;
        _cueCount = cueCount;
    }

    /// <summary>
    /// Adds the terms found in the tokenised tip to <paramref name="scores"/>, leaving the occurrences in the buffer and,
    /// when <paramref name="markCancelled"/>, which positions are negated or in an away phrase (for the learned layer).
    /// </summary>
    /// <param name="text">The text the buffer was tokenised from: each term is reported as the tip writes it.</param>
    /// <param name="looksEnglish">Whether the tip looks English: English negations count too, if this lexicon has them.</param>
    public void Match(string text, TokenBuffer buffer, ThemeScores scores, bool markCancelled, bool looksEnglish)
    {
        var negation = new Negation(_negation, looksEnglish ? _englishNegation : null);
        FindInWords(buffer);
        FindInCompoundParts(buffer);
        if (markCancelled)
        {
            MarkCancelled(text, buffer, negation);
        }

        if (buffer.Occurrences.Count > 0)
        {
            Score(text, buffer, scores, negation);
        }
    }

    private void FindInWords(TokenBuffer buffer)
    {
        var words = buffer.Words;
        for (var position = 0; position < words.Count; position++)
        {
            var id = words[position];
            if (id < 0)
            {
                continue;
            }

            foreach (var pattern in _patternsByFirstId[id])
            {
                if (pattern.Ids.Length == 1)
                {
                    buffer.Occurrences.Add((pattern, position, position + 1));
                }
                else if (TryMatchPhrase(words, position, pattern.Ids, out var end))
                {
                    buffer.Occurrences.Add((pattern, position, end));
                }
            }
        }
    }

    /// <summary>Single-word terms marked as compound parts also count inside a longer word.</summary>
    private void FindInCompoundParts(TokenBuffer buffer)
    {
        foreach (var (position, id, _) in buffer.Parts)
        {
            if (id < 0)
            {
                continue;
            }

            foreach (var pattern in _patternsByFirstId[id])
            {
                if (pattern is { Kind: PatternKind.Term, Compound: true } && pattern.Ids.Length == 1)
                {
                    buffer.Occurrences.Add((pattern, position, position + 1));
                }
            }
        }
    }

    private void Score(string text, TokenBuffer buffer, ThemeScores scores, Negation negation)
    {
        var occurrences = buffer.Occurrences;
        Span<bool> cues = stackalloc bool[_cueCount];
        foreach (var (pattern, _, _) in occurrences)
        {
            if (pattern.Kind == PatternKind.Cue)
            {
                cues[pattern.Target] = true;
            }
        }

        // The terms that count, by index: usually a handful, so the nesting check below stays cheap.
        Span<int> counting = occurrences.Count <= 256 ? stackalloc int[occurrences.Count] : new int[occurrences.Count];
        var count = 0;
        for (var i = 0; i < occurrences.Count; i++)
        {
            var (pattern, start, _) = occurrences[i];
            if (pattern.Kind == PatternKind.Term
                && (pattern.RequiredCue < 0 || cues[pattern.RequiredCue])
                && !negation.IsNegated(buffer, text, start)
                && !IsInsideAwayPhrase(occurrences, pattern.Target, start))
            {
                counting[count++] = i;
            }
        }

        counting = counting[..count];
        Span<bool> kept = count <= 256 ? stackalloc bool[count] : new bool[count];
        NestedTerms.MarkKept(CollectionsMarshal.AsSpan(occurrences), CollectionsMarshal.AsSpan(buffer.Words), counting, kept);
        for (var i = 0; i < counting.Length; i++)
        {
            if (kept[i])
            {
                var (pattern, start, end) = occurrences[counting[i]];
                scores.Add(pattern.Target, pattern.Display, Surface(text, buffer, start, end), pattern.Weight);
            }
        }
    }

    private static void MarkCancelled(string text, TokenBuffer buffer, Negation negation)
    {
        var words = buffer.Words;
        for (var position = 0; position < words.Count; position++)
        {
            var negated = negation.IsNegated(buffer, text, position);
            buffer.Negated.Add(negated);
            buffer.Cancelled.Add(negated);
        }

        foreach (var (pattern, start, end) in buffer.Occurrences)
        {
            if (pattern.Kind == PatternKind.Away)
            {
                for (var position = start; position < end; position++)
                {
                    buffer.Cancelled[position] = true;
                }
            }
        }
    }

    private static bool TryMatchPhrase(List<int> words, int start, int[] ids, out int end)
    {
        var position = start;
        for (var i = 1; i < ids.Length; i++)
        {
            var next = -1;
            for (var candidate = position + 1; candidate <= position + 1 + PhraseSlop && candidate < words.Count; candidate++)
            {
                if (words[candidate] == ids[i])
                {
                    next = candidate;
                    break;
                }
            }

            if (next < 0)
            {
                end = start;
                return false;
            }

            position = next;
        }

        end = position + 1;
        return true;
    }

    /// <summary>
    /// The tip's own words from position <paramref name="start"/> to <paramref name="end"/> (exclusive), in lower case:
    /// what a page highlights. A compound part shows as its whole word ("cykelstölden" for "stöld").
    /// </summary>
    private static string Surface(string text, TokenBuffer buffer, int start, int end)
    {
        var from = buffer.Offsets[start].Start;
        var length = Math.Min(buffer.Offsets[end - 1].End - from, SurfaceMaxLength);
        return text.Substring(from, length).ToLowerInvariant();
    }

    private static bool IsInsideAwayPhrase(List<(LexiconPattern Pattern, int Start, int End)> occurrences, int theme, int position)
    {
        foreach (var (pattern, start, end) in occurrences)
        {
            if (pattern.Kind == PatternKind.Away && pattern.Target == theme && start <= position && position < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lexicon's own negation scope, and in a tip that looks English the English one beside it.</summary>
    private readonly record struct Negation(NegationScope Own, NegationScope? English)
    {
        public bool IsNegated(TokenBuffer buffer, string text, int start) =>
            Own.IsNegated(buffer, text, start) || (English?.IsNegated(buffer, text, start) ?? false);
    }
}
