using Grastorp.Intake.Core.Themes;

namespace Grastorp.Intake.Classification.Tests;

public class KeywordTipClassifierTests
{
    private readonly KeywordTipClassifier _classifier = new();

    [Fact]
    public void A_text_without_keywords_is_other()
    {
        var result = _classifier.Classify("Lampan vid busshållplatsen är trasig sedan en vecka.");
        Assert.Equal(Theme.Other, result.Primary);
        Assert.Single(result.Themes);
    }

    [Fact]
    public void A_drugged_driver_is_traffic_and_drugs()
    {
        var result = _classifier.Classify("En påverkad förare körde bil genom centrum.");
        Assert.Equal([Theme.Drugs, Theme.Traffic], result.Themes.Select(t => t.Theme).Order());
    }
}
