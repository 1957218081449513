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
}
