namespace Grastorp.Intake.Classification.Analysis.Lexicon;

/// <summary>
/// Finds the lexicon stem one typing error away from a stem that is not in the lexicon ("narkotka", "inbrottt",
/// "amfetamim"): one letter missing, extra, wrong, or two neighbours swapped. Built on deletions (the SymSpell idea),
/// so a look-up costs a few hash probes and no allocation.
/// </summary>
/// <remarks>Only long stems take part: among short words one typo away is usually another real word.</remarks>
internal sealed class FuzzyTermIndex
{
    /// <summary>Stems shorter than this are matched exactly only.</summary>
    public const int MinLength = 6;

    private const int MaxLength = 40;

    private readonly Dictionary<string, int> _terms;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _termLookup;
    private readonly Dictionary<string, List<int>> _deletions;
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _deletionLookup;
    private readonly IReadOnlyList<string> _stems;

    /// <param name="stems">The vocabulary, indexed by id.</param>
    /// <param name="eligibleIds">Ids of the stems that may be reached by a typo.</param>
    public FuzzyTermIndex(IReadOnlyList<string> stems, IEnumerable<int> eligibleIds)
    {
        _stems = stems;
        _terms = new Dictionary<string, int>(StringComparer.Ordinal);
        _deletions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var id in eligibleIds)
        {
            var stem = stems[id];
            if (stem.Length is < MinLength or > MaxLength)
            {
                continue;
            }

            _terms[stem] = id;
            for (var i = 0; i < stem.Length; i++)
            {
                var deletion = string.Concat(stem.AsSpan(0, i), stem.AsSpan(i + 1));
                if (!_deletions.TryGetValue(deletion, out var ids))
                {
                    _deletions[deletion] = ids = [];
                }

                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
        }

        _termLookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _deletionLookup = _deletions.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The stem of a vocabulary id.</summary>
    public string Stem(int id) => _stems[id];

    /// <summary>The id of a lexicon stem one edit from <paramref name="token"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> token)
    {
        if (token.Length < MinLength - 1 || token.Length > MaxLength + 1 || _terms.Count == 0)
        {
            return -1;
        }

        // A letter missing from the token: the token is one of a stem's deletions. Not its last letter: a stem cut
        // short is usually another word that begins the same ("förra" is not "förråd", "vaga" not "vagar").
        if (_deletionLookup.TryGetValue(token, out var shorter))
        {
            foreach (var candidate in shorter)
            {
                if (!_stems[candidate].AsSpan().StartsWith(token))
                {
                    return candidate;
                }
            }
        }

        Span<char> buffer = stackalloc char[MaxLength + 1];
        for (var i = 0; i < token.Length; i++)
        {
            var length = Delete(token, i, buffer);
            var deletion = buffer[..length];

            // An extra letter in the token.
            if (_termLookup.TryGetValue(deletion, out var id))
            {
                return id;
            }

            // A wrong or swapped letter: token and stem share a deletion; check it is really one edit.
            if (_deletionLookup.TryGetValue(deletion, out var candidates))
            {
                foreach (var candidate in candidates)
                {
                    if (IsOneSubstitutionOrSwap(token, _stems[candidate]))
                    {
                        return candidate;
                    }
                }
            }
        }

        return -1;
    }

    private static int Delete(ReadOnlySpan<char> token, int index, Span<char> buffer)
    {
        token[..index].CopyTo(buffer);
        token[(index + 1)..].CopyTo(buffer[index..]);
        return token.Length - 1;
    }

    private static bool IsOneSubstitutionOrSwap(ReadOnlySpan<char> a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var first = -1;
        var differences = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                if (differences++ == 0)
                {
                    first = i;
                }
            }
        }

        return differences == 1
            || (differences == 2 && first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first]);
    }
}
