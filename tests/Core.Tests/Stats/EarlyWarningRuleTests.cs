using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Stats.EarlyWarning;

namespace Grastorp.Intake.Core.Tests.Stats;

/// <summary>The early-warning rule on hand-made weekly counts (oldest first, the judged week last).</summary>
public sealed class EarlyWarningRuleTests
{
    [Fact]
    public void After_eight_silent_weeks_two_reports_are_not_a_rise()
    {
        var verdict = EarlyWarningRule.Judge([0, 0, 0, 0, 0, 0, 0, 0, 2])!;

        Assert.False(verdict.Flagged);
        Assert.Equal(3, verdict.Threshold); // the baseline is taken as 0.5 a week, not 0: one report would otherwise alarm
    }

    [Fact]
    public void Fewer_than_five_reports_in_four_weeks_are_never_flagged_however_unusual()
    {
        var verdict = EarlyWarningRule.Judge([0, 0, 0, 0, 0, 0, 0, 0, 4])!;

        Assert.True(verdict.Count > verdict.Threshold);
        Assert.False(verdict.Flagged);
        Assert.True(EarlyWarningRule.Judge([0, 0, 0, 0, 0, 0, 0, 1, 4])!.Flagged); // 5 in four weeks: the floor is met
    }

    [Fact]
    public void A_clear_rise_is_flagged_with_the_usual_range_beside_it()
    {
        var verdict = EarlyWarningRule.Judge([1, 2, 1, 1, 2, 1, 1, 2, 7])!;

        Assert.True(verdict.Flagged);
        Assert.Equal(7, verdict.Count);
        Assert.Equal((1, 2), verdict.Normal);
        var warning = new EarlyWarning(new Municipality("vara", "Vara"), "burglary", "Inbrott och stöld", new WeekId(2026, 48), verdict);
        Assert.Equal("Ovanligt många tips om inbrott och stöld i Vara: 7 mot normalt 1–2 i veckan", warning.Line());
    }

    [Theory]
    [InlineData(new[] { 2, 3, 1, 2, 2, 3, 2, 1, 4 })]
    [InlineData(new[] { 5, 6, 4, 5, 7, 3, 5, 6, 9 })]
    [InlineData(new[] { 1, 0, 1, 1, 0, 2, 1, 0, 3 })]
    [InlineData(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void A_steady_series_is_not_flagged(int[] counts) => Assert.False(EarlyWarningRule.Judge(counts)!.Flagged);

    [Fact]
    public void Without_eight_weeks_of_history_there_is_no_verdict() => Assert.Null(EarlyWarningRule.Judge([0, 0, 0, 0, 0, 0, 0, 9]));

    [Theory]
    [InlineData(0.5, 3)]
    [InlineData(1, 4)]
    [InlineData(2, 6)]
    [InlineData(5, 12)]
    public void The_threshold_is_the_poisson_upper_quantile(double mean, int threshold) => Assert.Equal(threshold, EarlyWarningRule.Threshold(mean));
}
