using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

/// <summary>
/// Vocabulary added after a second author wrote tune tips (tune2-*): slang, stem collisions and idioms that point away.
/// </summary>
public class ResidentVocabularyTests
{
    private static readonly LexiconTipClassifier Classifier = ClassifierFactory.CreateDefault();

    private static string[] ThemesOf(string text) => [.. Classifier.Classify(text).Themes.Select(t => t.Theme).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("fartdårarna har börjat igen på landsvägen", Theme.Traffic)]
    [InlineData("ungarna buskör med moppe på gångvägen", Theme.Traffic)]
    [InlineData("många kör om i kurvan vid kyrkan", Theme.Traffic)]
    [InlineData("vattenskotrar åker runt badplatsen", Theme.Traffic)]
    [InlineData("nån snor blommor från gravarna", Theme.Burglary)]
    [InlineData("två killar ryckte väskan från en tant", Theme.Burglary)]
    [InlineData("en man har fotat husen på vår gata", Theme.Burglary)]
    [InlineData("killar drar lina på toaletten vid stationen", Theme.Drugs)]
    [InlineData("han säljer benso och oxy", Theme.Drugs)]
    [InlineData("min dotter fick köpa tobak i kiosken", Theme.Drugs)]
    public void Resident_slang_is_understood(string text, string theme) => Assert.Contains(theme, ThemesOf(text));

    [Fact]
    public void A_very_drunk_driver_is_traffic_and_drugs() =>
        Assert.Equal([Theme.Drugs, Theme.Traffic], ThemesOf("En stupfull man satte sig bakom ratten och körde iväg"));

    [Theory]
    // buskör and buskar share a stem once ö is folded (buskor/buskar → busk), so buskör is kept unstemmed
    [InlineData("Buskarna vid gångtunneln har vuxit igen, det är otryggt")]
    // snoret/snorig stem to snor and used to hide the theft verb "snor" in every tip
    [InlineData("Rektorn stal showen på avslutningen")]
    [InlineData("Grannen tjuvlyssnar på oss genom väggen")]
    [InlineData("det har inte varit något inbrott men nån har sprejat på garageporten")]
    [InlineData("Vi har snor och hosta hela familjen, men grannen spelar hög musik varje natt")]
    [InlineData("Det är otryggt i parken på kvällen, ingen belysning")]
    public void Look_alikes_and_idioms_are_other(string text) => Assert.Equal([Theme.Other], ThemesOf(text));
}
