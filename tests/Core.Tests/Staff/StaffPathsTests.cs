using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Core.Tests.Staff;

public sealed class StaffPathsTests
{
    [Theory]
    [InlineData("/personal/tips", Language.Swedish)]
    [InlineData("/en/personal/tips", Language.English)]
    [InlineData("/EN/personal/tips", Language.English)]
    [InlineData("/english/personal", Language.Swedish)]
    [InlineData("", Language.Swedish)]
    [InlineData(null, Language.Swedish)]
    public void The_language_of_a_staff_path_is_English_only_under_en(string? path, Language expected)
    {
        Assert.Equal(expected, StaffPaths.LanguageOf(path));
    }

    [Theory]
    [InlineData("/personal/statistik", "?kommun=vara&typ=alla", "/en/personal/statistik?kommun=vara&typ=alla")]
    [InlineData("/en/personal/statistik", "?kommun=vara", "/personal/statistik?kommun=vara")]
    [InlineData("/personal/granskning", "", "/en/personal/granskning")]
    [InlineData("/en/personal/tips", null, "/personal/tips")]
    public void The_other_language_keeps_the_query(string path, string? query, string expected)
    {
        Assert.Equal(expected, StaffPaths.Alternate(path, query));
    }

    [Fact]
    public void A_path_in_a_language()
    {
        Assert.Equal("/en/personal/statistik/csv", StaffPaths.In(Language.English, StaffPaths.Export));
        Assert.Equal("/personal/statistik/csv", StaffPaths.In(Language.Swedish, StaffPaths.Export));
    }
}
