using Grastorp.Intake.Core.Tips.Intake;

namespace Grastorp.Intake.Core.Tests.Tips.Intake;

public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("Knark\0 vid\u0007 skolan\u001B", "Knark vid skolan")]
    [InlineData("Bil\u202Ekör\u202C fort", "Bilkör fort")]
    [InlineData("\uFEFFInbrott\u200B i\u200D garaget\u00AD", "Inbrott i garaget")]
    [InlineData("Rad ett\r\nrad\ttvå", "Rad ett\r\nrad\ttvå")]
    [InlineData("Cykel 🚲 stulen på Storgatan", "Cykel 🚲 stulen på Storgatan")]
    public void Control_format_and_bidi_characters_are_removed_and_ordinary_text_and_whitespace_kept(string sent, string kept)
    {
        Assert.Equal(kept, VisibleText.Normalise(sent));
    }

    [Fact]
    public void Text_with_nothing_to_remove_comes_back_as_it_is()
    {
        const string sent = "Cykel 🚲 stulen på Storgatan, \u00E5\u00E4\u00F6 och \u00A0 blanksteg";
        Assert.Same(sent, VisibleText.Normalise(sent));
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character_and_private_use_is_removed()
    {
        Assert.Equal("Bil \uFFFDk\u00F6r fort \uFFFD", VisibleText.Normalise("Bil \uD800k\u00F6r fort\uE000 \uDC00"));
    }
}
