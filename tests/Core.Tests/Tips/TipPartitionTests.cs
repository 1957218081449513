using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Core.Tests.Tips;

public class TipPartitionTests
{
    [Fact]
    public void The_key_is_municipality_dash_ISO_week()
    {
        Assert.Equal("grastorp-2026-W48", new TipPartition("grastorp", new WeekId(2026, 48)).Key);
        Assert.Equal("vara-2027-W01", new TipPartition("vara", new WeekId(2027, 1)).Key);
    }

    [Fact]
    public void The_New_Year_s_Eve_tip_of_a_53_week_year_lands_in_week_53()
    {
        // 2026-12-31 23:30 UTC is 2027-01-01 00:30 in Sweden, still ISO week 2026-W53.
        var week = SwedishTime.WeekOf(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal("essunga-2026-W53", new TipPartition("essunga", week).Key);
    }

    [Fact]
    public void A_tip_belongs_to_the_Swedish_week_it_was_received_in()
    {
        Assert.Equal("vara-2026-W49", TipPartition.Of("vara", new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero)).Key);
    }

    [Theory]
    [InlineData("grastorp-2026-W48", "grastorp", 2026, 48)]
    [InlineData("vara-2027-W01", "vara", 2027, 1)]
    [InlineData("lilla-edet-2026-W53", "lilla-edet", 2026, 53)]
    public void A_key_reads_back_as_the_partition_it_was_written_from(string key, string municipality, int year, int week)
    {
        Assert.True(TipPartition.TryParse(key, out var partition));
        Assert.Equal(new TipPartition(municipality, new WeekId(year, week)), partition);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-W48")]
    [InlineData("-2026-W48")]
    [InlineData("vara2026-W48")]
    [InlineData("vara-2026-w48")]
    [InlineData("vara-2026-W54")]
    [InlineData("vara-2026-W4")]
    public void Anything_else_is_not_a_partition_key(string? key) => Assert.False(TipPartition.TryParse(key, out _));
}
