using Grastorp.Intake.Core.Places;

namespace Grastorp.Intake.Core.Tests.Places;

public sealed class RepeatedPlacesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Storgatan 5", "storgatan")]
    [InlineData("storgatan", "storgatan")]
    [InlineData("vid Storgatan", "storgatan")]
    [InlineData("STORGATAN 12B", "storgatan")]
    [InlineData("  på Storgatan. ", "storgatan")]
    [InlineData("Storgatan 5, Grästorp", "storgatan")]
    [InlineData("utanför Konsum", "konsum")]
    [InlineData("Utanför konsum!", "konsum")]
    [InlineData("Åsaka skola", "asaka skola")]
    [InlineData("asaka skola", "asaka skola")]
    [InlineData("i Vara", null)]
    [InlineData("5", null)]
    [InlineData("", null)]
    public void Spellings_of_one_place_share_a_key(string place, string? key)
    {
        Assert.Equal(key, PlaceKey.Of(place));
    }

    [Theory]
    [InlineData("Storgatan", "Stora torget")]
    [InlineData("Storgatan", "Järnvägsgatan")]
    [InlineData("vid skolan", "vid kyrkan")]
    public void Different_places_keep_different_keys(string one, string other)
    {
        Assert.NotEqual(PlaceKey.Of(one), PlaceKey.Of(other));
    }

    [Fact]
    public void A_place_in_three_tips_within_four_weeks_is_repeated_with_its_themes_and_most_used_spelling()
    {
        var tips = new[]
        {
            new PlacedTip("Storgatan 5", Now.AddDays(-2), ["traffic"]),
            new PlacedTip("vid Storgatan", Now.AddDays(-10), ["drugs"]),
            new PlacedTip("Storgatan 5", Now.AddDays(-27), ["traffic"]),
            new PlacedTip("storgatan", Now.AddDays(-29), ["burglary"]), // outside the four weeks
            new PlacedTip("Konsum", Now.AddDays(-1), ["other"]),
            new PlacedTip("utanför Konsum", Now.AddDays(-3), ["other"]),
            new PlacedTip(null, Now.AddDays(-1), ["other"]),
        };

        var repeated = Assert.Single(RepeatedPlaces.Find(tips, Now));

        Assert.Equal(("storgatan", "Storgatan 5", 3), (repeated.Key, repeated.Name, repeated.Tips));
        Assert.Equal(["drugs", "traffic"], repeated.Themes);
    }
}
