using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification;

/// <summary>
/// Builds the configured classifier: the lexicon classifier from built-in and extra lexicons with the configured learned
/// model, or the keyword baseline.
/// </summary>
public static class ClassifierFactory
{
    /// <summary>The built-in Swedish and English lexicons and the built-in model, no additions: what ships.</summary>
    public static LexiconTipClassifier CreateDefault() =>
        new(LexiconLoader.BuiltInLanguages.Select(LexiconLoader.LoadBuiltIn), ThemeModelLoader.LoadBuiltIn(), ThemeModelLoader.BuiltInSource);

    /// <summary>The built-in lexicons without the learned layer (the baseline the model is trained on top of).</summary>
    public static LexiconTipClassifier CreateLexiconOnly() =>
        new(LexiconLoader.BuiltInLanguages.Select(LexiconLoader.LoadBuiltIn));

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

        var lexicons = LoadLexicons(options, baseDirectory);
        var modelSetting = $"{ClassifierOptions.SectionName}:Model";
        try
        {
            return options.Model switch
            {
                ClassifierOptions.NoModel => new LexiconTipClassifier(lexicons),
                ClassifierOptions.BuiltInModel => new LexiconTipClassifier(lexicons, ThemeModelLoader.LoadBuiltIn(), ThemeModelLoader.BuiltInSource),
                var path => LoadWithModelFile(lexicons, FullPath(path, baseDirectory, modelSetting)),
            };
        }
        catch (LexiconException ex) when (!ex.Message.StartsWith(ClassifierOptions.SectionName, StringComparison.Ordinal))
        {
            throw new LexiconException($"{modelSetting}: {ex.Message}", ex);
        }
    }

    /// <summary>The built-in lexicons of the configured languages, each with the extra lexicons of its language merged in.</summary>
    private static Dictionary<string, LexiconDocument>.ValueCollection LoadLexicons(ClassifierOptions options, string baseDirectory)
    {
        var lexicons = new Dictionary<string, LexiconDocument>(StringComparer.Ordinal);
        foreach (var language in options.EffectiveLanguages())
        {
            lexicons[language] = LexiconLoader.LoadBuiltIn(language);
        }

        for (var i = 0; i < options.ExtraLexicons.Length; i++)
        {
            var extra = LoadExtraLexicon(options, i, baseDirectory);
            lexicons[extra.Language] = lexicons.TryGetValue(extra.Language, out var existing)
                ? LexiconMerger.Merge(existing, extra)
                : extra;
        }

        return lexicons.Values;
    }

    /// <summary>Extra lexicon <paramref name="index"/>; its errors name the setting.</summary>
    private static LexiconDocument LoadExtraLexicon(ClassifierOptions options, int index, string baseDirectory)
    {
        var setting = $"{ClassifierOptions.SectionName}:ExtraLexicons:{index}";
        try
        {
            return LexiconLoader.LoadFile(FullPath(options.ExtraLexicons[index], baseDirectory, setting));
        }
        catch (LexiconException ex) when (!ex.Message.StartsWith(setting, StringComparison.Ordinal))
        {
            throw new LexiconException($"{setting}: {ex.Message}", ex);
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
