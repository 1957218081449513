using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Core.Tests.Texts;

public class LanguagesTests
{
    [Theory]
    [InlineData(null, Language.Swedish)]
    [InlineData("", Language.Swedish)]
    [InlineData("en", Language.English)]
    [InlineData("en-GB,en;q=0.9", Language.English)]
    [InlineData("sv-SE,sv;q=0.9,en;q=0.8", Language.Swedish)]
    [InlineData("en;q=0.5, sv", Language.Swedish)]
    [InlineData("en, sv", Language.English)]
    [InlineData("de-DE,de;q=0.9,en;q=0.8", Language.English)]
    [InlineData("fi", Language.Swedish)]
    [InlineData("en;q=0", Language.Swedish)]
    [InlineData(";;,,q=x", Language.Swedish)]
    public void Accept_Language_picks_English_only_when_it_is_preferred_to_Swedish(string? header, Language expected)
    {
        Assert.Equal(expected, Languages.FromAcceptLanguage(header));
    }

    [Theory]
    [InlineData("en", Language.English)]
    [InlineData(" EN ", Language.English)]
    [InlineData("sv", Language.Swedish)]
    [InlineData("xx", Language.Swedish)]
    [InlineData(null, Language.Swedish)]
    public void The_forms_lang_field_means_English_only_when_it_says_en(string? code, Language expected)
    {
        Assert.Equal(expected, Languages.FromCode(code));
    }

    [Fact]
    public void Every_message_exists_in_both_languages_and_they_differ()
    {
        foreach (var key in typeof(TipMessages).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
        {
            var swedish = TipMessages.Get(key, Language.Swedish, 10);
            var english = TipMessages.Get(key, Language.English, 10);
            Assert.False(string.IsNullOrWhiteSpace(swedish), key);
            Assert.NotEqual(swedish, english);
            Assert.DoesNotContain(" / ", swedish, StringComparison.Ordinal);
        }
    }
}
