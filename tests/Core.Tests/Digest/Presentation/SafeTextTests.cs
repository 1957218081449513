using Grastorp.Intake.Core.Digest.Presentation;

namespace Grastorp.Intake.Core.Tests.Digest.Presentation;

public class SafeTextTests
{
    [Theory]
    [InlineData("Storgatan 1\nKontakt: x", "Storgatan 1 Kontakt: x")]
    [InlineData("a\r\nb\rc\u2028d\u2029e\tf", "a b c d e f")]
    [InlineData("  many    spaces  ", "many spaces")]
    [InlineData("nul\u0000bel\u0007esc\u001b[31m", "nulbelesc[31m")]
    [InlineData("\u202Eevil\u202C \u2066iso\u2069 \u200Fmark\u200E \u061Carabic \uFEFFbom", "evil iso mark arabic bom")]
    [InlineData("åäö ÅÄÖ é ü 👮‍♀️", "åäö ÅÄÖ é ü 👮‍♀️")]
    [InlineData(null, "")]
    public void A_line_is_one_line_of_visible_characters(string? input, string expected)
    {
        Assert.Equal(expected, SafeText.Line(input));
    }

    [Fact]
    public void A_block_keeps_line_breaks_but_no_more_than_one_empty_line()
    {
        Assert.Equal("first\n\nsecond\nthird", SafeText.Block("\n\nfirst\r\n\r\n\r\n\r\nsecond\u2028third\n\n"));
    }

    [Fact]
    public void A_lone_surrogate_is_dropped_rather_than_sent_broken()
    {
        Assert.Equal("ab", SafeText.Line("a\uD800b"));
    }

    [Fact]
    public void A_cut_ends_at_a_word_with_an_ellipsis_and_never_splits_a_character()
    {
        var (text, cut) = SafeText.Cut(string.Concat(Enumerable.Repeat("ord ", 200)), 600);
        Assert.True(cut);
        Assert.EndsWith("ord …", text, StringComparison.Ordinal);
        Assert.InRange(text.Length, 560, 602);

        var (emoji, emojiCut) = SafeText.Cut(string.Concat(Enumerable.Repeat("👮", 700)), 600);
        Assert.True(emojiCut);
        Assert.False(char.IsHighSurrogate(emoji.TrimEnd(' ', '…')[^1]));
    }

    [Fact]
    public void A_short_text_is_not_cut()
    {
        Assert.Equal(("kort", false), SafeText.Cut("kort", 600));
    }
}
