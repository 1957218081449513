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

        if (LanguageProblem(options) is { } problem)
        {
            throw new LexiconException(problem);
        }

        var lexicons = new Dictionary<string, LexiconDocument>(StringComparer.Ordinal);
        foreach (var language in options.EffectiveLanguages())
        {
            lexicons[language] = LexiconLoader.LoadBuiltIn(language);
        }

        for (var i = 0; i < options.ExtraLexicons.Length; i++)
        {
            var setting = $"{ClassifierOptions.SectionName}:ExtraLexicons:{i}";
            LexiconDocument extra;
            try
            {
                extra = LexiconLoader.LoadFile(FullPath(options.ExtraLexicons[i], baseDirectory, setting));
            }
            catch (LexiconException ex) when (!ex.Message.StartsWith(setting, StringComparison.Ordinal))
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
                var path => LoadWithModelFile(lexicons.Values, FullPath(path, baseDirectory, modelSetting)),
            };
        }
        catch (LexiconException ex) when (!ex.Message.StartsWith(ClassifierOptions.SectionName, StringComparison.Ordinal))
        {
            throw new LexiconException($"{modelSetting}: {ex.Message}", ex);
        }
    }

    /// <summary>What is wrong with <see cref="ClassifierOptions.Languages"/> (an unknown or repeated language), or null.</summary>
    internal static string? LanguageProblem(ClassifierOptions options)
    {
        var setting = $"{ClassifierOptions.SectionName}:Languages";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Languages.Length; i++)
        {
            var language = options.Languages[i];
            if (language is null || !LexiconLoader.BuiltInLanguages.Contains(language))
            {
                return $"{setting}:{i} is '{language}'; built-in lexicons exist for {string.Join(", ", LexiconLoader.BuiltInLanguages)}.";
            }

            if (!seen.Add(language))
            {
                return $"{setting}:{i} repeats '{language}'; give each language once.";
            }
        }

        return null;
    }

    /// <summary>The full path of a configured file; a path that cannot be one (empty, a NUL character) names the setting.</summary>
    private static string FullPath(string? path, string baseDirectory, string setting)
    {
        try
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(path);
            return Path.GetFullPath(path, baseDirectory);
        }
        catch (ArgumentException ex)
        {
            throw new LexiconException($"{setting}: not a valid file path", ex);
        }
    }

    private static LexiconTipClassifier LoadWithModelFile(IEnumerable<LexiconDocument> lexicons, string path) =>
        new(lexicons, ThemeModelLoader.LoadFile(path), path);
}
