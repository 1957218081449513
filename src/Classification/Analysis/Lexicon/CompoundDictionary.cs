namespace Grastorp.Intake.Classification.Analysis.Lexicon;

/// <summary>Compound part words and all their prefixes, for <see cref="CompoundPartFilter"/>. Immutable, thread-safe.</summary>
internal sealed class CompoundDictionary
{
    private const byte IsPrefix = 1;
    private const byte IsWord = 2;

    private readonly Dictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> _entries;
    private readonly int _minLength;
    private readonly int _maxLength;

    public CompoundDictionary(IEnumerable<string> words, int minLength, int maxLength)
    {
        var entries = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var word in words.Where(w => w.Length >= minLength && w.Length <= maxLength))
        {
            for (var length = minLength; length < word.Length; length++)
            {
                var prefix = word[..length];
                entries[prefix] = (byte)(entries.GetValueOrDefault(prefix) | IsPrefix);
            }

            entries[word] = (byte)(entries.GetValueOrDefault(word) | IsWord);
        }

        _entries = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _minLength = minLength;
        _maxLength = maxLength;
    }

    /// <summary>The length of the longest dictionary word at the start of <paramref name="text"/>, or 0.</summary>
    public int LongestAt(ReadOnlySpan<char> text)
    {
        var longest = 0;
        var max = Math.Min(text.Length, _maxLength);
        for (var length = _minLength; length <= max; length++)
        {
            if (!_entries.TryGetValue(text[..length], out var entry))
            {
                break;
            }

            if ((entry & IsWord) != 0)
            {
                longest = length;
            }

            if ((entry & IsPrefix) == 0)
            {
                break;
            }
        }

        return longest;
    }
}
