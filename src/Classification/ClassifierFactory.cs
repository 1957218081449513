using System.Collections.Concurrent;
using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification;

/// <summary>
/// Builds the configured classifier: the lexicon classifier from built-in and extra lexicons with the configured learned
/// model, or the keyword baseline.
/// </summary>
public static class ClassifierFactory
{
    /// <summary>Word lists read so far, by full path: a list is immutable, so classifiers built from one setting share it.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<WordList>> WordLists = new(StringComparer.Ordinal);

    /// <summary>The built-in Swedish and English lexicons and the built-in model, no additions: what ships by default.</summary>
    public static LexiconTipClassifier CreateDefault() =>
        new(LexiconLoader.BuiltInLanguages.Select(LexiconLoader.LoadBuiltIn), ThemeModelLoader.LoadBuiltIn(), ThemeModelLoader.BuiltInSource);

    /// <summary>The built-in lexicons without the learned layer (the baseline the model is trained on top of).</summary>
    public static LexiconTipClassifier CreateLexiconOnly() =>
        new(LexiconLoader.BuiltInLanguages.Select(LexiconLoader.LoadBuiltIn));

    /// <summary>
    /// The shipped spelling dictionary, <c>hunspell-sv/sv-words.txt.gz</c> in the application's directory (what
    /// <c>Classifier:SpellingDictionary=builtin</c> loads), read once per process.
    /// </summary>
    /// <exception cref="LexiconException">The file is missing or invalid.</exception>
    public static WordList BuiltInWords() => Words(WordList.BuiltInPath(AppContext.BaseDirectory));

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
        var words = LoadWords(options, baseDirectory);
        var modelSetting = $"{ClassifierOptions.SectionName}:Model";
        try
        {
            return options.Model switch
            {
                ClassifierOptions.NoModel => new LexiconTipClassifier(lexicons, swedishWords: words),
                ClassifierOptions.BuiltInModel => new LexiconTipClassifier(lexicons, ThemeModelLoader.LoadBuiltIn(), ThemeModelLoader.BuiltInSource, words),
                var path => new LexiconTipClassifier(lexicons, ThemeModelLoader.LoadFile(FullPath(path, baseDirectory, modelSetting)), path, words),
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

    /// <summary>The configured spelling dictionary (<see cref="ClassifierOptions.SpellingDictionary"/>), or null; errors name the setting.</summary>
    private static WordList? LoadWords(ClassifierOptions options, string baseDirectory)
    {
        var setting = $"{ClassifierOptions.SectionName}:SpellingDictionary";
        var path = options.SpellingDictionary switch
        {
            ClassifierOptions.NoSpellingDictionary => null,
            ClassifierOptions.BuiltInSpellingDictionary => WordList.BuiltInPath(baseDirectory),
            var configured => FullPath(configured, baseDirectory, setting),
        };

        try
        {
            return path is null ? null : Words(path);
        }
        catch (LexiconException ex)
        {
            throw new LexiconException($"{setting}: {ex.Message}", ex);
        }
    }

    /// <summary>The word list at <paramref name="path"/> (full), read once per process.</summary>
    private static WordList Words(string path)
    {
        var lazy = WordLists.GetOrAdd(path, p => new Lazy<WordList>(() => WordList.Load(p)));
        try
        {
            return lazy.Value;
        }
        catch (LexiconException)
        {
            // Not kept: the file may be put right (or restored) before the next attempt.
            WordLists.TryRemove(new KeyValuePair<string, Lazy<WordList>>(path, lazy));
            throw;
        }
    }
}
