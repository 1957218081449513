using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Grastorp.Intake.Classification;

/// <summary>
/// The Swedish word forms of a spelling dictionary, folded to ASCII and lower case as the classifier's analysis reads
/// words (<c>vägen</c> → <c>vagen</c>): the analysis asks it whether a tip's word is a real word before reading it as a
/// typo of a lexicon word. The shipped list is derived from the sv_SE Hunspell dictionary (LGPL-3) and lives beside the
/// application as a file of its own (<c>hunspell-sv/sv-words.txt.gz</c>), so it can be replaced; see
/// <c>src/Classification/Lexicons/hunspell-sv/README.md</c>. Immutable, thread-safe.
/// </summary>
/// <remarks>
/// The words are held as one byte array in sorted order with their start offsets (≈ 13 MB for 812,000 words, against
/// ≈ 60 MB as a set of strings) and found by binary search; the analysis asks once per distinct word, and its memo
/// keeps the answer.
/// </remarks>
public sealed class WordList
{
    /// <summary>The file's name in its folder beside the application.</summary>
    public const string BuiltInFolder = "hunspell-sv";

    public const string BuiltInFileName = "sv-words.txt.gz";

    /// <summary>The longest word compared: longer tokens are names, URLs or run-together text, never looked up.</summary>
    private const int MaxWordLength = 64;

    private readonly byte[] _text;
    private readonly int[] _starts;

    private WordList(byte[] text, int[] starts, string source)
    {
        _text = text;
        _starts = starts;
        Source = source;
    }

    /// <summary>How many words the list holds.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>The file it was read from (named in errors and in the CLI's messages).</summary>
    public string Source { get; }

    /// <summary>The path of the shipped list below <paramref name="baseDirectory"/> (normally the application's directory).</summary>
    public static string BuiltInPath(string baseDirectory) => Path.Combine(baseDirectory, BuiltInFolder, BuiltInFileName);

    /// <summary>
    /// Reads a word list: one word a line, lower-case letters a-z only, in ordinal order without repeats; gzip-compressed
    /// when the name ends in <c>.gz</c>.
    /// </summary>
    /// <exception cref="LexiconException">The file is missing, unreadable or not such a list; the message names the file and the line.</exception>
    public static WordList Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new LexiconException($"Word list '{path}': the file does not exist");
        }

        byte[] text;
        try
        {
            text = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? ReadGzip(path) : File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new LexiconException($"Word list '{path}' cannot be read: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    /// <summary>A gzip file's content (any valid gzip, several members too), decompressed by the framework.</summary>
    private static byte[] ReadGzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var text = new MemoryStream();
        gzip.CopyTo(text);
        return text.ToArray();
    }

    /// <summary>A list from its text (one word a line); for tests and <see cref="Load"/>.</summary>
    internal static WordList Parse(byte[] text, string source)
    {
        // starts[k] is where word k begins, and starts[k + 1] - 1 where it ends (its line break, or the end of the text).
        // Line by line with the vectorised span searches: the 10 MB of the shipped list take a few milliseconds.
        var all = text.AsSpan();
        var starts = new List<int>(all.Count((byte)'\n') + 2) { 0 };
        var previous = ReadOnlySpan<byte>.Empty;
        for (var (start, line) = (0, 1); start < text.Length; line++)
        {
            var length = all[start..].IndexOf((byte)'\n');
            var end = length < 0 ? text.Length : start + length;
            var word = all[start..end];
            if (word.IsEmpty)
            {
                throw Invalid(source, $"line {line} is empty");
            }

            if (word.IndexOfAnyExceptInRange((byte)'a', (byte)'z') >= 0)
            {
                throw Invalid(source, $"line {line}: a word may hold only the letters a-z (lower case, folded)");
            }

            if (previous.SequenceCompareTo(word) >= 0)
            {
                throw Invalid(source, $"line {line}: the words must be sorted (ordinal) without repeats");
            }

            previous = word;
            starts.Add(end + 1);
            start = end + 1;
        }

        if (starts.Count == 1)
        {
            throw Invalid(source, "the word list is empty");
        }

        return new WordList(text, [.. starts], source);
    }

    private static LexiconException Invalid(string source, string problem) => new($"Word list '{source}' is invalid: {problem}");

    /// <summary>Whether a word, as a tip writes it (any case, with or without å/ä/ö), folds to a word of the list.</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxWordLength)
        {
            return false;
        }

        Span<byte> folded = stackalloc byte[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = Fold(word[i]);
            if (c is < 'a' or > 'z')
            {
                // A digit, a hyphen or a letter outside the folded Latin set: not a word of this list.
                return false;
            }

            folded[i] = (byte)c;
        }

        var (low, high) = (0, Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var candidate = _text.AsSpan(_starts[middle], _starts[middle + 1] - _starts[middle] - 1);
            var order = candidate.SequenceCompareTo(folded);
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }

    /// <summary>
    /// A letter lower-cased and folded as the list was (Unicode decomposition without its marks): å, ä, à, á, â → a;
    /// ö, ó, ò, ô → o; é, è, ê, ë → e; and so on. Anything else is returned as it is (and then is no a-z letter).
    /// </summary>
    private static char Fold(char c)
    {
        c = char.ToLowerInvariant(c);
        if (c < '\u0080')
        {
            return c;
        }

        // The same rule derive.sh applied to the list, so a letter folds here exactly as it did there (å → a, š → s).
        var letter = '\0';
        foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (letter != '\0')
            {
                return c;
            }

            letter = part;
        }

        return letter == '\0' ? c : letter;
    }
}
