using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>
/// A <see cref="ThemeModelText"/> laid out for speed: a tip's probabilities are its vector (<see cref="TextLayerVector"/>)
/// dotted with each column's weights. Per bucket, its inverse document frequency and every column's weight lie side
/// by side in one table, as the file's 16-bit steps (1.3 MB instead of 2.6 as floats), so a bucket costs one memory
/// fetch, not one per column, and more of the table stays in the cache; each column's scale is applied once per tip.
/// What each word adds comes from a memo (<see cref="TextGrams"/>), so a tip costs a row per word pair, not per
/// n-gram. Thread-safe.
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

    private readonly int _buckets;

    /// <summary>Per bucket, its idf as training reads it, decoded only when a tip is explained.</summary>
    private readonly Lazy<float[]> _idf;

    private CompiledText(ThemeModelText settings, short[] table, double[] bias, int[] columnOfTheme, int otherColumn)
    {
        Settings = settings;
        _table = table;
        _stride = bias.Length + 1;
        _buckets = settings.WordBuckets + settings.CharBuckets;
        Grams = new TextGrams(settings, Weigh);
        _idf = new(() => settings.Idf.Decode()!);
        _idfScale = settings.Idf.Scale;
        _scale = [.. settings.Columns.Select(c => c.Weights.Scale)];
        _bias = bias;
        _columnOfTheme = columnOfTheme;
        _otherColumn = otherColumn;
    }

    public ThemeModelText Settings { get; }

    /// <summary>The words the layer reads in a tip, with what each gives (memoised).</summary>
    public TextGrams Grams { get; }

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
    /// negated left out.
    /// </summary>
    /// <returns>The probability that the tip is about none of the themes (NaN without an <c>other</c> column).</returns>
    /// <remarks>
    /// The vector of <see cref="TextLayerVector.Build"/> without counting the buckets first: every bucket met counts
    /// its idf each time, a word's own bucket and n-grams as the sums the memo holds for it (<see cref="TextWord.Sums"/>),
    /// so only pairs cost a table row; a bucket met c &gt; 1 times (a bit per bucket in per-thread scratch
    /// tells) is put right afterwards, from c × idf to (1 + ln c) × idf. Each part's dot products and squared length
    /// are summed unscaled, and each part's sum is divided by its length at the end, which is the same as scaling the
    /// vector first.
    /// </remarks>
    public double Probabilities(string text, TokenBuffer analysis, Span<double> probabilities)
    {
        var scratch = t_scratch is { } held && held.Fits(_buckets) ? held : t_scratch = new Scratch(_buckets);
        var columns = _bias.Length;
        Span<double> sums = stackalloc double[(2 * columns) + 2];
        sums.Clear();
        try
        {
            foreach (var (pairBucket, word, _, _) in Grams.Read(text, analysis))
            {
                // The word's own bucket and its n-grams at once, from the memo; only a pair costs a row of the table.
                for (var i = 0; i < sums.Length; i++)
                {
                    sums[i] += word.Sums[i];
                }

                if (word.WordBucket >= 0)
                {
                    scratch.Meet(word.WordBucket);
                }

                if (pairBucket >= 0)
                {
                    scratch.Meet(pairBucket);
                    var idf = Idf(pairBucket);
                    Add(pairBucket, idf, idf * idf, sums);
                }

                foreach (var gram in word.Grams)
                {
                    scratch.Meet(gram);
                }
            }

            for (var i = 0; i < scratch.RepeatedCount; i++)
            {
                var (bucket, count) = scratch.Repeated(i);
                var idf = Idf(bucket);
                var value = TextLayerVector.Value(count, (float)idf);
                Add(bucket, value - (count * idf), (value * value) - (count * idf * idf), sums);
            }
        }
        finally
        {
            // Empty for the next tip on this thread, even when this one failed half-way.
            scratch.Clear();
        }

        var (wordLength, gramLength) = (Math.Sqrt(sums[2 * columns]), Math.Sqrt(sums[(2 * columns) + 1]));
        Span<double> logits = stackalloc double[columns];
        for (var c = 0; c < columns; c++)
        {
            logits[c] = _bias[c] + (_scale[c] * (Scaled(sums[c], wordLength) + Scaled(sums[columns + c], gramLength)));
        }

        for (var t = 0; t < probabilities.Length; t++)
        {
            probabilities[t] = _columnOfTheme[t] is var column and >= 0 ? Logistic(logits[column]) : double.NaN;
        }

        return _otherColumn >= 0 ? Logistic(logits[_otherColumn]) : double.NaN;
    }

    /// <summary>
    /// What a word's bucket (or -1) and n-grams add to a tip's sums (<see cref="TextWord.Sums"/>): every occurrence at
    /// its idf, an n-gram the word repeats included (<see cref="Probabilities"/> puts repeats right afterwards).
    /// </summary>
    private double[] Weigh(int wordBucket, int[] grams)
    {
        var sums = new double[(2 * _bias.Length) + 2];
        foreach (var bucket in grams.Prepend(wordBucket).Where(b => b >= 0))
        {
            var idf = Idf(bucket);
            Add(bucket, idf, idf * idf, sums);
        }

        return sums;
    }

    /// <summary>A bucket's inverse document frequency, as the file's step gives it to training (a float).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Idf(int bucket) => (float)(_table[bucket * _stride] * _idfScale);

    /// <summary>
    /// Adds <paramref name="value"/> of <paramref name="bucket"/> to its part's dot products (the first
    /// <see cref="_bias"/>.Length of <paramref name="sums"/> for words and pairs, the next for n-grams) and
    /// <paramref name="square"/> to that part's squared length (the last two).
    /// </summary>
    private void Add(int bucket, double value, double square, Span<double> sums)
    {
        var columns = _bias.Length;
        var word = bucket < Settings.WordBuckets;
        var part = sums.Slice(word ? 0 : columns, columns);
        var row = _table.AsSpan((bucket * _stride) + 1, columns);
        for (var c = 0; c < part.Length; c++)
        {
            part[c] += value * row[c];
        }

        sums[(2 * columns) + (word ? 0 : 1)] += square;
    }

    private static double Scaled(double sum, double length) => length > 0 ? sum / length : 0;

    /// <summary>
    /// The tip's vector as training builds it (<see cref="TextLayerVector.Build"/>), by bucket, for explaining a theme
    /// the layer added (rare, so built afresh); the words <paramref name="analysis"/> negated left out.
    /// </summary>
    public Dictionary<int, double> Vector(string text, TokenBuffer analysis)
    {
        var buckets = new List<int>();
        Grams.Collect(text, analysis, buckets);
        buckets.Sort();
        var values = new List<(int Bucket, double Value)>();
        TextLayerVector.Build(CollectionsMarshal.AsSpan(buckets), _idf.Value, Settings.WordBuckets, values);
        return values.ToDictionary(v => v.Bucket, v => v.Value);
    }

    /// <summary>
    /// How much <paramref name="word"/> adds to theme <paramref name="theme"/>'s logit in the tip whose
    /// <see cref="Vector"/> is <paramref name="vector"/>: its own bucket and its n-grams, each once.
    /// </summary>
    public double WordWeight(IReadOnlyDictionary<int, double> vector, TextWord word, int theme)
    {
        var column = _columnOfTheme[theme];
        if (column < 0)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var bucket in word.Grams.Prepend(word.WordBucket).Where(b => b >= 0).Distinct())
        {
            if (vector.TryGetValue(bucket, out var value))
            {
                sum += value * _table[(bucket * _stride) + 1 + column] * _scale[column];
            }
        }

        return sum;
    }

    private static double Logistic(double logit) => 1 / (1 + Math.Exp(-logit));

    /// <summary>
    /// One thread's working memory for a tip: a bit per bucket (4 KB for the shipped layer) for the buckets met, and
    /// a small open-addressing table counting the few met more than once. Emptied by <see cref="Clear"/>.
    /// </summary>
    private sealed class Scratch(int buckets)
    {
        private readonly BucketSet _met = new(buckets);
        private readonly List<int> _slots = new(256);

        /// <summary>Per slot, its bucket + 1 (0: free).</summary>
        private int[] _keys = new int[1024];
        private int[] _counts = new int[1024];

        /// <summary>How many buckets were met more than once.</summary>
        public int RepeatedCount => _slots.Count;

        /// <summary>The <paramref name="i"/>th bucket met more than once, with how many times.</summary>
        public (int Bucket, int Count) Repeated(int i) => (_keys[_slots[i]] - 1, _counts[_slots[i]]);

        public bool Fits(int buckets) => _met.Buckets == buckets;

        /// <summary>Marks <paramref name="bucket"/> met, and counts it when it was met before.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Meet(int bucket)
        {
            if (!_met.Add(bucket))
            {
                MeetAgain(bucket);
            }
        }

        /// <summary>Counts a bucket the tip met before (the rare path, kept out of <see cref="Meet"/> so that inlines).</summary>
        private void MeetAgain(int bucket)
        {
            if (_slots.Count * 2 >= _keys.Length)
            {
                Grow();
            }

            var slot = Slot(bucket);
            if (_keys[slot] == 0)
            {
                (_keys[slot], _counts[slot]) = (bucket + 1, 1);
                _slots.Add(slot);
            }

            _counts[slot]++;
        }

        public void Clear()
        {
            _met.Clear();
            foreach (var slot in _slots)
            {
                _keys[slot] = 0;
            }

            _slots.Clear();
        }

        /// <summary>The slot holding <paramref name="bucket"/>, or the free one where it goes (Fibonacci hashing, linear probing).</summary>
        private int Slot(int bucket)
        {
            var mask = _keys.Length - 1;
            var slot = (int)(((uint)bucket * 2654435769u) >> (32 - BitOperations.Log2((uint)_keys.Length)));
            while (_keys[slot] != 0 && _keys[slot] != bucket + 1)
            {
                slot = (slot + 1) & mask;
            }

            return slot;
        }

        private void Grow()
        {
            var held = _slots.Select(slot => (_keys[slot], _counts[slot])).ToList();
            (_keys, _counts) = (new int[_keys.Length * 2], new int[_keys.Length * 2]);
            _slots.Clear();
            foreach (var (key, count) in held)
            {
                var slot = Slot(key - 1);
                (_keys[slot], _counts[slot]) = (key, count);
                _slots.Add(slot);
            }
        }
    }
}
