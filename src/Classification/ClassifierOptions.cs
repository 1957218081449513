using System.ComponentModel.DataAnnotations;

namespace Grastorp.Intake.Classification;

/// <summary>Settings of the theme classifier, section <c>Classifier</c>.</summary>
public sealed class ClassifierOptions
{
    public const string SectionName = "Classifier";

    /// <summary><c>lexicon</c> (the default) or <c>keyword</c>, the plain substring baseline kept for comparison.</summary>
    [Required]
    [RegularExpression("^(lexicon|keyword)$", ErrorMessage = "Classifier:Kind must be 'lexicon' or 'keyword'.")]
    public string Kind { get; set; } = "lexicon";

    /// <summary>
    /// The built-in lexicons to use (<c>sv</c>, <c>en</c>); empty means <see cref="DefaultLanguages"/>. Empty by default
    /// because the configuration binder appends to an array it finds filled: a default of <c>[sv, en]</c> could be
    /// added to but never narrowed (<c>Classifier:Languages:0=en</c> gave <c>[sv, en, en]</c>).
    /// </summary>
    public string[] Languages { get; set; } = [];

    /// <summary>The lexicons used when <see cref="Languages"/> is empty.</summary>
    public static IReadOnlyList<string> DefaultLanguages { get; } = ["sv", "en"];

    /// <summary>The languages in effect: <see cref="Languages"/>, or <see cref="DefaultLanguages"/> when none are set.</summary>
    public IReadOnlyList<string> EffectiveLanguages() => Languages is { Length: > 0 } ? Languages : DefaultLanguages;

    /// <summary>
    /// Paths of a municipality's own lexicon files, each adding words or whole themes (e.g. <c>miljo</c>) to the built-in
    /// lexicon of its language. Relative paths are taken from the application's directory.
    /// </summary>
    public string[] ExtraLexicons { get; set; } = [];

    /// <summary>
    /// The learned layer on top of the lexicon: <c>builtin</c> (the default, shipped inside Core), <c>none</c> (the
    /// lexicon alone), or the path of a model file written by the CLI's <c>train</c> command (relative to the
    /// application's directory).
    /// </summary>
    [Required]
    public string Model { get; set; } = BuiltInModel;

    public const string BuiltInModel = "builtin";
    public const string NoModel = "none";

    /// <summary>
    /// The Swedish spelling dictionary whose words are not read as typos of lexicon words: <c>none</c> (the default: out of
    /// fold it changed nothing measurable, see bench/RESULTS.md), <c>builtin</c> (<c>hunspell-sv/sv-words.txt.gz</c>
    /// beside the application, derived from the sv_SE Hunspell dictionary, LGPL-3), or the path of another list in the
    /// same format (relative to the application's directory).
    /// </summary>
    [Required]
    public string SpellingDictionary { get; set; } = NoSpellingDictionary;

    public const string BuiltInSpellingDictionary = "builtin";
    public const string NoSpellingDictionary = "none";
}
