namespace Grastorp.Intake.Core.Themes;

/// <summary>
/// Builds the configured classifier: the lexicon classifier from built-in and extra lexicons with the configured learned
/// model, or the keyword baseline.
/// </summary>
public static class ClassifierFactory
{
    /// <param name="options">The bound settings.</param>
    /// <param name="baseDirectory">Where relative extra lexicon paths start, normally the application's directory.</param>
    /// <exception cref="LexiconException">A lexicon or the model is missing or invalid; the message names the setting and the file.</exception>
    public static ITipClassifier Create(ClassifierOptions options, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Kind == "keyword")
        {
            return new KeywordTipClassifier();
        }

        var lexicons = new Dictionary<string, LexiconDocument>(StringComparer.Ordinal);
        for (var i = 0; i < options.Languages.Length; i++)
        {
            var language = options.Languages[i];
            if (!LexiconLoader.BuiltInLanguages.Contains(language))
            {
                throw new LexiconException(
                    $"{ClassifierOptions.SectionName}:Languages:{i} is '{language}'; built-in lexicons exist for {string.Join(", ", LexiconLoader.BuiltInLanguages)}.");
            }

            lexicons[language] = LexiconLoader.LoadBuiltIn(language);
        }

        for (var i = 0; i < options.ExtraLexicons.Length; i++)
        {
            var setting = $"{ClassifierOptions.SectionName}:ExtraLexicons:{i}";
            var path = Path.GetFullPath(options.ExtraLexicons[i], baseDirectory);
            LexiconDocument extra;
            try
            {
                extra = LexiconLoader.LoadFile(path);
            }
            catch (LexiconException ex)
            {
                throw new LexiconException($"{setting}: {ex.Message}", ex);
            }

            lexicons[extra.Language] = lexicons.TryGetValue(extra.Language, out var existing)
                ? LexiconMerger.Merge(existing, extra)
                : extra;
        }

        var modelSetting = $"{ClassifierOptions.SectionName}:Model";
        try
        {
            return options.Model switch
            {
                ClassifierOptions.NoModel => new LexiconTipClassifier(lexicons.Values),
                ClassifierOptions.BuiltInModel => new LexiconTipClassifier(lexicons.Values, ThemeModelLoader.LoadBuiltIn(), "built-in sv.model.json"),
                var path => LoadWithModelFile(lexicons.Values, Path.GetFullPath(path, baseDirectory)),
            };
        }
        catch (LexiconException ex) when (!ex.Message.StartsWith(ClassifierOptions.SectionName, StringComparison.Ordinal))
        {
            throw new LexiconException($"{modelSetting}: {ex.Message}", ex);
        }
    }

    private static LexiconTipClassifier LoadWithModelFile(IEnumerable<LexiconDocument> lexicons, string path) =>
        new(lexicons, ThemeModelLoader.LoadFile(path), path);
}
