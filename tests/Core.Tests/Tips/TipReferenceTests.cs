using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Tests.Tips;

public class TipReferenceTests
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    [Fact]
    public void A_new_reference_is_ten_crockford_characters()
    {
        var reference = TipReference.New();
        Assert.Equal(10, reference.Value.Length);
        Assert.All(reference.Value, c => Assert.Contains(c, Crockford));
        Assert.Equal(reference.Value, reference.ToString());
    }

    [Fact]
    public void Ten_thousand_new_references_are_all_different_and_use_no_ambiguous_letters()
    {
        var references = Enumerable.Range(0, 10_000).Select(_ => TipReference.New().Value).ToList();
        Assert.Equal(references.Count, references.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(references, r => r.IndexOfAny(['I', 'L', 'O', 'U']) >= 0);
        Assert.All(references, r => Assert.True(TipReference.TryParse(r, out var parsed) && parsed.Value == r));
    }

    [Theory]
    [InlineData("ABCDEFGHJK", "ABCDEFGHJK")]
    [InlineData("abcdefghjk", "ABCDEFGHJK")]
    [InlineData("ABCDE-FGHJK", "ABCDEFGHJK")]
    [InlineData("ABCDE FGHJK", "ABCDEFGHJK")]
    [InlineData("ab cd-ef gh-jk", "ABCDEFGHJK")]
    [InlineData("O0o0O0o0O0", "0000000000")]
    [InlineData("IiLl1IiLl1", "1111111111")]
    [InlineData("4Z7KQ-2M9XP", "4Z7KQ2M9XP")]
    public void TryParse_normalises_what_a_person_types(string typed, string expected)
    {
        Assert.True(TipReference.TryParse(typed, out var reference));
        Assert.Equal(expected, reference.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("          ")]
    [InlineData("ABCDEFGHJ")]
    [InlineData("ABCDEFGHJKM")]
    [InlineData("ABCDEFGHJU")]
    [InlineData("uuuuuuuuuu")]
    [InlineData("ABCDEFGHJ!")]
    [InlineData("ABCDEFGHJÅ")]
    [InlineData("ABCDE_FGHJK")]
    [InlineData("A-B-C-D-E-F-G-H-J-K-M")]
    [InlineData("ABCDE                 FGHJK")]
    public void TryParse_rejects_what_is_not_a_reference(string? typed)
    {
        Assert.False(TipReference.TryParse(typed, out var reference));
        Assert.Equal(default, reference);
    }

    [Fact]
    public void An_empty_reference_has_no_value()
    {
        Assert.Throws<InvalidOperationException>(() => default(TipReference).Value);
    }

    [Fact]
    public void References_are_equal_by_value()
    {
        Assert.True(TipReference.TryParse("abcde-fghjk", out var typed));
        Assert.True(TipReference.TryParse("ABCDEFGHJK", out var canonical));
        Assert.Equal(canonical, typed);
    }
}
