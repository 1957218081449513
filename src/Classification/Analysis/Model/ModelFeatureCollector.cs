namespace Grastorp.Intake.Classification.Analysis.Model;

/// <summary>The learned layer's features in a tip analysed by <see cref="Lexicon.CompiledLexicon.Match"/>: by index for scoring, by name for training.</summary>
internal static class ModelFeatureCollector
{
    /// <summary>Collects the model's feature indices present in the analysed tip into <see cref="TokenBuffer.Features"/>.</summary>
    public static void CollectFeatures(CompiledModel model, TokenBuffer buffer)
    {
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
    public static void CollectFeatureNames(TokenBuffer buffer, Dictionary<string, double> features)
    {
        var stems = buffer.Stems;
        for (var position = 0; position < stems.Count; position++)
        {
            if (stems[position] is not { } stem || buffer.Cancelled[position])
            {
                continue;
            }

            features[ThemeFeatures.Word(stem)] = 1;
            if (position > 0 && stems[position - 1] is { } previous && !buffer.Cancelled[position - 1])
            {
                features[ThemeFeatures.Bigram(previous, stem)] = 1;
            }
        }

        for (var i = 0; i < buffer.Parts.Count; i++)
        {
            if (!buffer.Cancelled[buffer.Parts[i].Position])
            {
                features[ThemeFeatures.Word(buffer.PartStems[i])] = 1;
            }
        }
    }
}
