using System.ComponentModel.DataAnnotations;
using Grastorp.Intake.Core.Privacy;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Tests.Privacy;

public sealed class ReferencePseudonymsTests
{
    private static ReferencePseudonyms With(string? key) => new(Options.Create(new PrivacyOptions { Key = key }));

    [Fact]
    public void The_same_key_gives_the_same_pseudonym_and_another_key_another_and_neither_shows_the_reference()
    {
        var one = With("key-one-0123456789abcdef0123456789abcdef");
        var other = With("key-two-0123456789abcdef0123456789abcdef");

        Assert.Equal(one.Pseudonym("K7QM3XDP2A"), one.Pseudonym("K7QM3XDP2A"));
        Assert.NotEqual(one.Pseudonym("K7QM3XDP2A"), other.Pseudonym("K7QM3XDP2A"));
        Assert.Matches("^[0-9a-f]{16}$", one.Pseudonym("K7QM3XDP2A"));
        Assert.DoesNotContain("K7QM3XDP2A", one.Pseudonym("K7QM3XDP2A"), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("short", false)]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    public void A_key_is_optional_but_when_set_has_at_least_32_characters(string? key, bool valid)
    {
        var options = new PrivacyOptions { Key = key };

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }
}
