using Grastorp.Intake.Core.Privacy;

namespace Grastorp.Intake.Core.Tests.Privacy;

/// <summary>The detector matches only around digits and "@"; that must find exactly what matching the whole text finds.</summary>
public class CandidateWindowTests
{
    private static readonly string[] Pieces =
    [
        "Storgatan 5B", "Vallgatan 3 lgh 1102", "Norra Kyrkogatan 12", "070-123 45 67", "+46 70 123 45 67", "0512-123 45",
        "19811218-9876", "811218-9876", "ABC 123", "abc12a", "kalle.k@hotmail.se", "anna (at) telia.com", "vecka 48",
        "buss 12", "467 30", "1 250 kr", "12 500:-", "2024-11-30", "kl 22.15", "ordernr 8112189876", "och", "han",
        "Det langas vid skolan", "på kvällarna", "bor på", "ring", "mejla", "reg", "2", "12", "+", "-", "@", "(at)", ",",
        ".", "\n", "  ", "Järnvägsgatan", "lgh", "1102", "Södra", "vägen", "9876", "19811218", "070", "123 45 67",
    ];

    [Fact]
    public void Windows_find_what_the_whole_text_finds_on_random_texts()
    {
        var detector = new PersonalDataDetector();
        var random = new Random(2611);
        for (var i = 0; i < 3000; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Pieces[random.Next(Pieces.Length)]);
            var text = string.Join(random.Next(4) == 0 ? string.Empty : " ", words);

            Assert.Equal(detector.Find(text, wholeText: true), detector.Find(text, wholeText: false));
        }
    }

    [Fact]
    public void Windows_find_what_the_whole_text_finds_on_long_texts_with_far_apart_items()
    {
        var detector = new PersonalDataDetector();
        var filler = string.Concat(Enumerable.Repeat("Det langas vid skolan på kvällarna och bilarna kör fort. ", 8));
        var text = $"ring 070-123 45 67 {filler} bor på Vallgatan 3 lgh 1102 {filler} kalle.k@hotmail.se {filler}19811218-9876";

        var found = detector.Find(text);

        Assert.Equal(detector.Find(text, wholeText: true), found);
        Assert.Equal(4, found.Count);
    }
}
