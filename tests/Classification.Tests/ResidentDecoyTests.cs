using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>
/// Kinds of writing the unseen tips of issue 29 missed (written here from the kinds, not copied from those tips): words
/// outside the lexicon, spelling without ring or dots that lands on another word, and everyday words that must not
/// pull a tip towards drugs.
/// </summary>
public class ResidentDecoyTests
{
    private static readonly LexiconTipClassifier Classifier = ClassifierFactory.CreateDefault();

    private static string[] ThemesOf(string text) => [.. Classifier.Classify(text).Themes.Select(t => t.Theme).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("Någon satt och injicerade sig i trappuppgången igår", Theme.Drugs)]
    [InlineData("Flera elever verkade påverkade och hade stora pupiller efter lunch", Theme.Drugs)]
    [InlineData("Tunga lastbilar kör genom centrum trots förbudet", Theme.Traffic)]
    [InlineData("Vi önskar en cykelväg till skolan, barnen cyklar på landsvägen", Theme.Traffic)]
    [InlineData("Okända personer med ficklampor i trädgårdarna mitt i natten", Theme.Burglary)]
    [InlineData("Min plånbok togs ur väskan på gymmet", Theme.Burglary)]
    public void Words_outside_the_old_lexicon_find_their_theme(string text, string theme) => Assert.Contains(theme, ThemesOf(text));

    [Fact]
    public void A_driver_who_seems_out_of_it_and_drives_jerkily_is_traffic_and_drugs() =>
        Assert.Equal([Theme.Drugs, Theme.Traffic], ThemesOf("Föraren verkade helt borta och körde ryckigt genom byn"));

    [Theory]
    // gräs typed without dots, beside "langas" (passive of langa, which the stemmer made "lang" = lång): cannabis.
    [InlineData("Det langas gras bakom sporthallen")]
    [InlineData("Det langas gräs bakom sporthallen")]
    public void Grass_beside_dealing_is_cannabis(string text) => Assert.Contains(Theme.Drugs, ThemesOf(text));

    [Theory]
    [InlineData("Det är stökigt i centrum på helgerna, ungdomar bråkar")]
    [InlineData("Klipp gräset vid vagen, det är högt gras")]
    public void Everyday_words_do_not_pull_towards_drugs(string text) => Assert.DoesNotContain(Theme.Drugs, ThemesOf(text));

    [Fact]
    public void A_road_written_without_dots_is_not_a_scale_but_a_dealers_scale_still_is()
    {
        // vägen and vågen both fold to "vagen": the scales of a dealer must not be read into every road.
        Assert.DoesNotContain(Classifier.Classify("Bilarna kör fort på vagen, en man med påsar står där").Themes.SelectMany(t => t.Terms), t => t.StartsWith("våg", StringComparison.Ordinal));
        Assert.DoesNotContain(new LexiconTipClassifier(BuiltInLexicons.All()).Classify("Det var en konstig lukt vid vagen").Themes.SelectMany(t => t.Terms), t => t.StartsWith("våg", StringComparison.Ordinal));
        Assert.Contains(Theme.Drugs, ThemesOf("Han hade en digital våg och små påsar i bilen"));
    }
}
