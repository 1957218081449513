using Grastorp.Intake.Core.Privacy;

namespace Grastorp.Intake.Core.Tests.Privacy;

public class PersonnummerTests
{
    [Theory]
    [InlineData("8112189876")]
    [InlineData("198112189876")]
    [InlineData("8503121231")]
    [InlineData("0402291181")] // 29 February 2004
    [InlineData("9104712352")] // samordningsnummer: day 11 + 60
    public void Valid_numbers_pass(string digits) => Assert.True(Personnummer.IsValid(digits));

    [Theory]
    [InlineData("8112189879", "wrong check digit")]
    [InlineData("198112189879", "wrong check digit, 12 digits")]
    [InlineData("8113189871", "month 13")]
    [InlineData("8112329870", "day 32")]
    [InlineData("0302291182", "29 February in a year that is no leap year in either century")]
    [InlineData("8112929870", "day 92 is past a samordningsnummer's 91")]
    [InlineData("178112189876", "century 17")]
    [InlineData("811218987", "nine digits")]
    [InlineData("81121898761", "eleven digits")]
    [InlineData("81121-98761", "not only digits")]
    public void Invalid_numbers_fail(string digits, string why) => Assert.False(Personnummer.IsValid(digits), why);

    [Theory]
    [InlineData("8501011234", true)] // check digit wrong: still the shape
    [InlineData("198501011234", true)]
    [InlineData("8501611235", true)] // samordningsnummer, check digit wrong
    [InlineData("188501011236", false)] // the 1800s: no one living
    [InlineData("8513011234", false)]
    [InlineData("0302291182", false)]
    [InlineData("850101123", false)]
    public void The_shape_is_a_date_of_birth_and_the_length(string digits, bool shaped) => Assert.Equal(shaped, Personnummer.HasShape(digits));

    [Fact]
    public void Luhn_is_computed_over_the_ten_digit_form()
    {
        // 811218987 weighted 2,1,2,1…: 7+1+2+2+2+8+9+8+5 = 44, so only the check digit 6 makes the sum end in 0.
        Assert.True(Personnummer.LuhnHolds("8112189876"));
        Assert.Equal(1, Enumerable.Range(0, 10).Count(d => Personnummer.LuhnHolds($"811218987{d}")));
    }
}
