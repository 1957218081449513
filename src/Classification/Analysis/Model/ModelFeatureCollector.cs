using System.Runtime.InteropServices;
using Grastorp.Intake.Classification.Analysis.Text;

namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>The learned layer's features in a tip analysed by <see cref="Lexicon.CompiledLexicon.Match"/>: by index for scoring, by name for training.</summary>
internal static class ModelFeatureCollector
{
    /// <summary>Per bucket, whether this thread's tip has met it (see <see cref="CollectCharGrams"/>); empty between tips.</summary>
    [ThreadStatic]
    private static BucketSet? t_met;

    /// <summary>Collects the model's feature indices present in the analysed tip into <see cref="TokenBuffer.Features"/>.</summary>
    public static void CollectFeatures(CompiledModel model, TokenBuffer buffer, string text)
    {
        buffer.WordValue = ThemeFeatures.WordValue(model.WordScale, ReadWords(buffer));
        if (model.CharGrams is { } charGrams)
        {
            CollectCharGrams(model, charGrams, buffer, text);
        }

        foreach (var (_, _, word, bigram) in new ModelWordFeatures(model, buffer))
        {
            if (word >= 0)
            {
                buffer.Features.Add(word);
            }

            if (bigram >= 0)
            {
                buffer.Features.Add(bigram);
            }
        }

        foreach (var (position, _, id) in buffer.Parts)
        {
            if (id >= 0 && model.FeatureOfId[id] is var feature and >= 0 && !buffer.Cancelled[position])
            {
                buffer.Features.Add(feature);
            }
        }
    }

    /// <summary>
    /// The model's feature names present in the analysed tip (after <see cref="Lexicon.CompiledLexicon.Match"/> with
    /// <see cref="TokenBuffer.KeepStems"/>), for training: every stem and bigram, not only those the model knows.
    /// </summary>
    public static void CollectFeatureNames(
        TokenBuffer buffer, Dictionary<string, double> features, string text, ThemeModelCharGrams? charGrams, double? wordScale)
    {
        var value = ThemeFeatures.WordValue(wordScale, ReadWords(buffer));
        if (charGrams is not null)
        {
            var distinct = AllCharGrams(charGrams, buffer, text);
            var charGramValue = charGrams.Value(distinct.Length);
            foreach (var bucket in distinct)
            {
                features[ThemeFeatures.CharGram(bucket)] = charGramValue;
            }
        }

        var stems = buffer.Stems;
        for (var position = 0; position < stems.Count; position++)
        {
            if (stems[position] is not { } stem || buffer.Cancelled[position])
            {
                continue;
            }

            features[ThemeFeatures.Word(stem)] = value;
            if (position > 0 && stems[position - 1] is { } previous && !buffer.Cancelled[position - 1])
            {
                features[ThemeFeatures.Bigram(previous, stem)] = value;
            }
        }

        for (var i = 0; i < buffer.Parts.Count; i++)
        {
            if (!buffer.Cancelled[buffer.Parts[i].Position])
            {
                features[ThemeFeatures.Word(buffer.PartStems[i])] = value;
            }
        }
    }

    /// <summary>
    /// How many words of the tip the model reads: every word the analysis kept, neither negated nor in an away phrase,
    /// known to the model or not, repeats counted; the same count in training and in the app.
    /// </summary>
    public static int ReadWords(TokenBuffer buffer)
    {
        var words = 0;
        for (var position = 0; position < buffer.Offsets.Count; position++)
        {
            words += ReadsCharGrams(buffer, position).IsEmpty ? 0 : 1;
        }

        return words;
    }

    /// <summary>
    /// The word at <paramref name="position"/> whose character n-grams the model reads: every word the analysis kept
    /// (stop words leave an empty gap), neither negated nor in an away phrase, like the word features. Empty otherwise.
    /// </summary>
    public static WordSpan ReadsCharGrams(TokenBuffer buffer, int position)
    {
        var (start, end) = buffer.Offsets[position];
        return end > start && !buffer.Cancelled[position] ? new WordSpan(start, end) : default;
    }

    /// <summary>
    /// Puts the model's n-gram features present in the tip in <see cref="TokenBuffer.CharGramFeatures"/> (each once) and
    /// their common value in <see cref="TokenBuffer.CharGramValue"/>. Buckets are told apart by a per-thread bit per
    /// bucket (32 KB, so it stays in the cache, where a stamp per bucket was 1 MB), so counting the distinct ones needs
    /// no sort; training counts the same set by sorting.
    /// </summary>
    private static void CollectCharGrams(CompiledModel model, ThemeModelCharGrams charGrams, TokenBuffer buffer, string text)
    {
        var met = t_met is { } held && held.Buckets == charGrams.Buckets ? held : t_met = new BucketSet(charGrams.Buckets);
        var distinct = 0;
        try
        {
            for (var position = 0; position < buffer.Offsets.Count; position++)
            {
                if (ReadsCharGrams(buffer, position).IsEmpty)
                {
                    continue;
                }

                var grams = CharGramsAt(model, buffer, position, text);
                for (var i = 0; i < grams.Buckets.Length; i++)
                {
                    if (met.Add(grams.Buckets[i]))
                    {
                        distinct++;
                        if (grams.Features[i] >= 0)
                        {
                            buffer.CharGramFeatures.Add(grams.Features[i]);
                        }
                    }
                }
            }
        }
        finally
        {
            met.Clear();
        }

        buffer.CharGramValue = charGrams.Value(distinct);
    }

    /// <summary>
    /// The n-grams of the word at <paramref name="position"/>, for a model that reads them: the analysis gives them to
    /// every word (memoised with it); a word it did not (a buffer filled by hand) has them made here.
    /// </summary>
    public static WordCharGrams CharGramsAt(CompiledModel model, TokenBuffer buffer, int position, string text)
    {
        var (start, end) = buffer.Offsets[position];
        return buffer.WordCharGrams[position] ?? WordCharGrams.Of(text.AsSpan(start, end - start), model)!;
    }

    /// <summary>Every distinct n-gram bucket of the words the model reads, sorted (in <see cref="TokenBuffer.CharGrams"/>): for training.</summary>
    private static ReadOnlySpan<int> AllCharGrams(ThemeModelCharGrams charGrams, TokenBuffer buffer, string text)
    {
        var all = buffer.CharGrams;
        all.Clear();
        Span<int> buckets = stackalloc int[CharGramHasher.MaxCount(charGrams)];
        for (var position = 0; position < buffer.Offsets.Count; position++)
        {
            if (ReadsCharGrams(buffer, position) is { IsEmpty: false } word)
            {
                all.AddRange(buckets[..CharGramHasher.Buckets(word.Span(text), charGrams, buckets)]);
            }
        }

        var span = CollectionsMarshal.AsSpan(all);
        return span[..DistinctValues.SortDistinct(span)];
    }
}

/// <summary>Where a word stands in the tip's text; empty for none.</summary>
internal readonly record struct WordSpan(int Start, int End)
{
    public bool IsEmpty => End <= Start;

    public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, End - Start);
}
