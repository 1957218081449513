using System.Numerics;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>
/// A <see cref="ThemeModelText"/> laid out for speed: a tip's probabilities are its vector (<see cref="TextLayerVector"/>)
/// dotted with each column's weights. Per bucket, its inverse document frequency and every column's weight lie side
/// by side in one table, as the file's 16-bit steps (1.3 MB instead of 2.6 as floats), so a bucket costs one memory
/// fetch, not one per column, and more of the table stays in the cache; each column's scale is applied once per tip.
/// A tip's distinct buckets are counted in a small per-thread hash table instead of a sort. Immutable, thread-safe.
/// </summary>
internal sealed class CompiledText
{
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Per bucket: its idf step, then each column's weight step (<see cref="_stride"/> steps a bucket).</summary>
    private readonly short[] _table;
    private readonly int _stride;
    private readonly double _idfScale;
    private readonly double[] _scale;
    private readonly double[] _bias;

    /// <summary>Per classifier theme: its column, or -1 when the layer has none for it.</summary>
    private readonly int[] _columnOfTheme;

    /// <summary>The <c>other</c> column, or -1.</summary>
    private readonly int _otherColumn;

    private CompiledText(ThemeModelText settings, short[] table, double[] bias, int[] columnOfTheme, int otherColumn)
    {
        Settings = settings;
        _table = table;
        _stride = bias.Length + 1;
        _idfScale = settings.Idf.Scale;
        _scale = [.. settings.Columns.Select(c => c.Weights.Scale)];
        _bias = bias;
        _columnOfTheme = columnOfTheme;
        _otherColumn = otherColumn;
    }

    public ThemeModelText Settings { get; }

    /// <summary>Decodes a validated layer; its columns name themes of <paramref name="themeIndex"/>, or <c>other</c>.</summary>
    /// <exception cref="LexiconException">A column names a theme no lexicon has.</exception>
    public static CompiledText Compile(ThemeModelText text, string source, IReadOnlyDictionary<string, int> themeIndex)
    {
        var unknown = text.Columns.Select(c => c.Id).Where(id => id != Theme.Other && !themeIndex.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new LexiconException(
                $"Theme model '{source}' is invalid: text layer theme {string.Join(", ", unknown.Select(u => $"'{u}'"))} is in no lexicon");
        }

        var columnOfTheme = Enumerable.Repeat(-1, themeIndex.Count).ToArray();
        var other = -1;
        for (var c = 0; c < text.Columns.Count; c++)
        {
            if (text.Columns[c].Id == Theme.Other)
            {
                other = c;
            }
            else
            {
                columnOfTheme[themeIndex[text.Columns[c].Id]] = c;
            }
        }

        var buckets = text.WordBuckets + text.CharBuckets;
        var stride = text.Columns.Count + 1;
        var table = new short[buckets * stride];
        var idf = text.Idf.DecodeSteps()!;
        for (var b = 0; b < buckets; b++)
        {
            table[b * stride] = idf[b];
        }

        for (var c = 0; c < text.Columns.Count; c++)
        {
            var weights = text.Columns[c].Weights.DecodeSteps()!;
            for (var b = 0; b < buckets; b++)
            {
                table[(b * stride) + 1 + c] = weights[b];
            }
        }

        return new CompiledText(text, table, [.. text.Columns.Select(c => c.Bias)], columnOfTheme, other);
    }

    /// <summary>
    /// Per classifier theme, the layer's probability (NaN where it has no column), the words <paramref name="analysis"/>
    /// negated left out; the tip's vector is left in per-thread scratch for <see cref="WordWeight"/>.
    /// </summary>
    /// <returns>The probability that the tip is about none of the themes (NaN without an <c>other</c> column).</returns>
    /// <remarks>
    /// One pass over the tip's distinct buckets: each part's dot products and squared length are summed unscaled, and
    /// each part's sum is divided by its length at the end, which is the same as scaling the vector first.
    /// </remarks>
    public double Probabilities(string text, TokenBuffer analysis, Span<double> probabilities)
    {
        var scratch = t_scratch ??= new Scratch();
        var all = scratch.All;
        all.Clear();
        TextGrams.Collect(text, analysis, Settings, all);
        scratch.Count(all);
        var columns = _bias.Length;
        Span<double> sums = stackalloc double[2 * columns];
        sums.Clear();
        var (wordLength, charLength) = (0.0, 0.0);
        foreach (var slot in scratch.Distinct)
        {
            var bucket = scratch.Keys[slot];
            var row = bucket * _stride;
            var value = TextLayerVector.Value(scratch.Counts[slot], (float)(_table[row] * _idfScale));
            scratch.Values[slot] = value;
            if (!(value > 0))
            {
                continue;
            }

            var part = sums;
            if (bucket < Settings.WordBuckets)
            {
                wordLength += value * value;
            }
            else
            {
                charLength += value * value;
                part = sums[columns..];
            }

            for (var c = 0; c < columns; c++)
            {
                part[c] += value * _table[row + 1 + c];
            }
        }

        scratch.WordLength = Math.Sqrt(wordLength);
        scratch.CharLength = Math.Sqrt(charLength);
        Span<double> logits = stackalloc double[columns];
        for (var c = 0; c < columns; c++)
        {
            logits[c] = _bias[c] + (_scale[c] * (Scaled(sums[c], scratch.WordLength) + Scaled(sums[columns + c], scratch.CharLength)));
        }

        for (var t = 0; t < probabilities.Length; t++)
        {
            probabilities[t] = _columnOfTheme[t] is var column and >= 0 ? Logistic(logits[column]) : double.NaN;
        }

        return _otherColumn >= 0 ? Logistic(logits[_otherColumn]) : double.NaN;
    }

    private static double Scaled(double sum, double length) => length > 0 ? sum / length : 0;

    /// <summary>
    /// How much the word at [<paramref name="start"/>, <paramref name="end"/>) adds to theme <paramref name="theme"/>'s
    /// logit: its own bucket and its n-grams, each once, at their values in the vector <see cref="Probabilities"/> left
    /// for this tip (0 for a word it did not read).
    /// </summary>
    public double WordWeight(string text, int start, int end, int theme)
    {
        var column = _columnOfTheme[theme];
        var scratch = t_scratch;
        if (column < 0 || scratch is null)
        {
            return 0;
        }

        var buckets = scratch.Word;
        buckets.Clear();
        TextGrams.OfWord(text.AsSpan(start, end - start), Settings, buckets);
        buckets.Sort();
        var sum = 0.0;
        for (var i = 0; i < buckets.Count; i++)
        {
            var bucket = buckets[i];
            if ((i == 0 || bucket != buckets[i - 1]) && scratch.Find(bucket) is var slot and >= 0)
            {
                var length = bucket < Settings.WordBuckets ? scratch.WordLength : scratch.CharLength;
                sum += Scaled(scratch.Values[slot] * _table[(bucket * _stride) + 1 + column] * _scale[column], length);
            }
        }

        return sum;
    }

    private static double Logistic(double logit) => 1 / (1 + Math.Exp(-logit));

    /// <summary>
    /// One thread's working memory: the tip's distinct buckets in a small open-addressing table (a few KB, so counting
    /// a tip's thousand buckets stays in the cache instead of touching a stamp per bucket of the whole layer).
    /// </summary>
    private sealed class Scratch
    {
        private int[] _stamps = new int[4096];
        private int _tip;

        public int[] Keys { get; private set; } = new int[4096];

        public int[] Counts { get; private set; } = new int[4096];

        /// <summary>Per slot, the bucket's value before the scaling (<see cref="TextLayerVector.Value"/>).</summary>
        public double[] Values { get; private set; } = new double[4096];

        /// <summary>The tip's word part's length, by which its values are divided.</summary>
        public double WordLength { get; set; }

        /// <summary>The tip's n-gram part's length.</summary>
        public double CharLength { get; set; }

        public List<int> All { get; } = new(1024);

        /// <summary>The slots in use, in the order their buckets first came.</summary>
        public List<int> Distinct { get; } = new(1024);

        public List<int> Word { get; } = new(64);

        /// <summary>Counts each bucket of <paramref name="buckets"/> in a fresh table at least twice their number.</summary>
        public void Count(List<int> buckets)
        {
            if (buckets.Count * 2 > Keys.Length)
            {
                var size = (int)BitOperations.RoundUpToPowerOf2((uint)(buckets.Count * 2));
                (_stamps, Keys, Counts, Values, _tip) = (new int[size], new int[size], new int[size], new double[size], 0);
            }

            if (++_tip == int.MaxValue)
            {
                Array.Clear(_stamps);
                _tip = 1;
            }

            Distinct.Clear();
            var mask = Keys.Length - 1;
            foreach (var bucket in buckets)
            {
                var slot = Home(bucket);
                while (_stamps[slot] == _tip && Keys[slot] != bucket)
                {
                    slot = (slot + 1) & mask;
                }

                if (_stamps[slot] != _tip)
                {
                    (_stamps[slot], Keys[slot], Counts[slot]) = (_tip, bucket, 0);
                    Distinct.Add(slot);
                }

                Counts[slot]++;
            }
        }

        /// <summary>The slot of <paramref name="bucket"/> in this tip's table, or -1.</summary>
        public int Find(int bucket)
        {
            var mask = Keys.Length - 1;
            for (var slot = Home(bucket); _stamps[slot] == _tip; slot = (slot + 1) & mask)
            {
                if (Keys[slot] == bucket)
                {
                    return slot;
                }
            }

            return -1;
        }

        /// <summary>Fibonacci hashing: the top bits of the bucket times 2^32 / φ, so neighbouring buckets spread over the table.</summary>
        private int Home(int bucket) => (int)(((uint)bucket * 2654435769u) >> (32 - BitOperations.Log2((uint)Keys.Length)));
    }
}
