using Grastorp.Intake.Core.FollowUp;

namespace Grastorp.Intake.Core.Tests.FollowUp;

public sealed class SmallCountRuleTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "färre än 3")]
    [InlineData(2, "färre än 3")]
    [InlineData(3, "3")]
    [InlineData(45, "45")]
    public void A_count_of_one_or_two_is_never_shown(int count, string shown)
    {
        Assert.Equal(shown, SmallCountRule.Alone(count).Text());
        Assert.Equal(count is 1 or 2 ? null : count, SmallCountRule.Alone(count).Value);
    }

    [Fact]
    public void A_total_that_would_give_away_a_hidden_part_by_subtraction_is_withheld()
    {
        // 5 + 2 + 0 = 7: showing 7 beside 5 and 0 would reveal the 2.
        var (parts, total) = SmallCountRule.WithTotal([5, 2, 0]);

        Assert.Equal(["5", "färre än 3", "0"], parts.Select(p => p.Text()));
        Assert.Equal(PublicCountKind.Withheld, total.Kind);
        Assert.Null(total.Value);
        Assert.Equal("visas inte", total.Text());
    }

    [Theory]
    [InlineData(new[] { 4, 3, 0 })]
    [InlineData(new[] { 0, 0, 0 })]
    [InlineData(new[] { 12, 5, 9, 3 })]
    public void A_total_of_shown_parts_is_shown(int[] counts)
    {
        var (_, total) = SmallCountRule.WithTotal(counts);

        Assert.Equal(counts.Sum(), total.Value);
    }

    [Fact]
    public void A_small_total_is_small_itself_and_no_published_value_is_between_one_and_two()
    {
        var (parts, total) = SmallCountRule.WithTotal([1, 0, 1]);

        Assert.Equal(PublicCountKind.FewerThanThree, total.Kind);
        Assert.DoesNotContain(parts.Append(total), p => p.Value is 1 or 2);
    }

    [Fact]
    public void No_hidden_part_can_be_worked_out_from_what_is_published_for_any_small_table()
    {
        // Every table of three months with counts 0-5: whatever is published, subtracting the shown parts from a
        // shown total never pins down a hidden part.
        for (var a = 0; a <= 5; a++)
        {
            for (var b = 0; b <= 5; b++)
            {
                for (var c = 0; c <= 5; c++)
                {
                    var (parts, total) = SmallCountRule.WithTotal([a, b, c]);
                    if (total.Value is { } sum && parts.Any(p => p.Value is null))
                    {
                        Assert.Fail($"{a},{b},{c}: total {sum} shown beside a hidden part");
                    }
                }
            }
        }
    }
}
