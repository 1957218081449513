namespace Grastorp.Intake.Classification.Tests;

/// <summary>The shipped lexicons, and the feature names their analysis gives, for tests that build a model by hand.</summary>
internal static class BuiltInLexicons
{
    public static IEnumerable<LexiconDocument> All() => LexiconLoader.BuiltInLanguages.Select(LexiconLoader.LoadBuiltIn);

    /// <summary>The one feature of a kind (<paramref name="prefix"/>: a word, a bigram) that <paramref name="words"/> give.</summary>
    public static string Feature(string words, string prefix) =>
        Assert.Single(ClassifierFactory.CreateLexiconOnly().Features(words).Keys, k => k.StartsWith(prefix, StringComparison.Ordinal));
}
