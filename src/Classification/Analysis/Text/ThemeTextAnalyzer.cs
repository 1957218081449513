using Grastorp.Intake.Classification.Analysis.Lexicon;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Grastorp.Intake.Classification.Analysis.Text;

/// <summary>
/// Builds the Lucene.Net analysis chain that lexicon words and tip texts both go through, so that they meet in the
/// same form: tokens, lower case, folded to ASCII (residents often type "stold", "gras" for stöld, gräs), compound
/// parts found against the lexicon's own words (bostadsinbrott → inbrott), then Snowball stems (inbrotten → inbrot).
/// </summary>
/// <remarks>
/// Folding comes before stemming so that a word with and without diacritics gets one stem; of the Swedish Snowball
/// suffixes only "löst" contains a diacritic, so little stemming is lost. Lucene analyzers are thread-safe: they keep
/// one reusable token stream per thread.
/// </remarks>
internal static class ThemeTextAnalyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Shorter tokens are not split into compound parts: too few letters to hold two words.</summary>
    internal const int MinCompoundWordLength = 6;

    /// <summary>The shortest lexicon word looked for inside a compound; shorter ones ("bil", "öl") hide in too many words.</summary>
    internal const int MinCompoundPartLength = 4;

    private const int MaxCompoundPartLength = 24;

    /// <summary>The chain for tip texts: with compound splitting against <paramref name="compoundParts"/> (folded, lower case).</summary>
    /// <param name="language">The lexicon language, for the stemmer.</param>
    /// <param name="compoundParts">Words looked for inside compounds (folded, lower case).</param>
    /// <param name="unstemmed">Words the stemmer leaves alone (folded, lower case), compound parts included.</param>
    public static Analyzer Create(string language, IReadOnlyCollection<string> compoundParts, IReadOnlyCollection<string> unstemmed) =>
        Create(language, compoundParts, unstemmed, reader => new StandardTokenizer(Version, reader));

    /// <summary>
    /// The same filters as <see cref="Create(string, IReadOnlyCollection{string}, IReadOnlyCollection{string})"/> over one
    /// token: the whole input is the word (Lucene's <c>KeywordTokenizer</c>). Every filter of the chain works on one token at a
    /// time, so a word analysed alone gives exactly the tokens it gives inside a text; <see cref="WordMemo{TValue}"/>
    /// relies on that.
    /// </summary>
    public static Analyzer CreateWord(string language, IReadOnlyCollection<string> compoundParts, IReadOnlyCollection<string> unstemmed) =>
        Create(language, compoundParts, unstemmed, reader => new KeywordTokenizer(reader));

    /// <summary>The tokenizer of the chain alone (surface tokens, their offsets and position increments).</summary>
    public static Analyzer CreateTokenizer() => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(source);
    });

    private static Analyzer Create(
        string language, IReadOnlyCollection<string> compoundParts, IReadOnlyCollection<string> unstemmed, Func<TextReader, Tokenizer> tokenizer)
    {
        var snowball = LexiconLanguage.SnowballName(language);
        var dictionary = compoundParts.Count == 0 ? null : new CompoundDictionary(compoundParts, MinCompoundPartLength, MaxCompoundPartLength);
        var keywords = unstemmed.Count == 0 ? null : new CharArraySet(Version, unstemmed.ToList(), ignoreCase: false);
        return Analyzer.NewAnonymous((_, reader) =>
        {
            var source = tokenizer(reader);
            TokenStream sink = new LowerCaseFilter(Version, source);
            sink = new ASCIIFoldingFilter(sink);
            if (dictionary is not null)
            {
                sink = new CompoundPartFilter(sink, dictionary);
            }

            // After the compound filter, so a part ("hastighet" in "hastighetsgräns") is protected like the whole word.
            if (keywords is not null)
            {
                sink = new SetKeywordMarkerFilter(sink, keywords);
            }

            sink = new SnowballFilter(sink, snowball);
            return new TokenStreamComponents(source, sink);
        });
    }

    /// <summary>The chain without stemming: gives the folded surface form of lexicon words for the compound dictionary.</summary>
    public static Analyzer CreateSurface() => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream sink = new LowerCaseFilter(Version, source);
        sink = new ASCIIFoldingFilter(sink);
        return new TokenStreamComponents(source, sink);
    });
}
