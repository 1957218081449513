using System.Globalization;
using System.Text.Json;
using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Tests.Calendar;

public class WeekIdTests
{
    [Fact]
    public void A_week_is_written_with_four_digit_year_and_two_digit_week()
    {
        Assert.Equal("2026-W48", new WeekId(2026, 48).ToString());
        Assert.Equal("2026-W01", new WeekId(2026, 1).ToString());
    }

    [Theory]
    [InlineData("2026-W48", 2026, 48)]
    [InlineData("2026-w48", 2026, 48)]
    [InlineData("2026W48", 2026, 48)]
    [InlineData(" 2026-W48 ", 2026, 48)]
    [InlineData("2026-W01", 2026, 1)]
    [InlineData("2026-W53", 2026, 53)]
    public void A_written_week_parses_to_its_year_and_week(string text, int year, int week)
    {
        Assert.True(WeekId.TryParse(text, CultureInfo.InvariantCulture, out var parsed));
        Assert.Equal(new WeekId(year, week), parsed);
        Assert.Equal(new WeekId(year, week), WeekId.Parse(text, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2026")]
    [InlineData("W48")]
    [InlineData("26-W48")]
    [InlineData("02026-W48")]
    [InlineData("2026-W")]
    [InlineData("2026-W0")]
    [InlineData("2026-W00")]
    [InlineData("2026-W048")]
    [InlineData("2026-W54")]
    [InlineData("2025-W53")]
    [InlineData("2026-W-1")]
    [InlineData("2026-W+1")]
    [InlineData("2026-W4x")]
    [InlineData("1999-W10")]
    [InlineData("9999-W01")]
    [InlineData("2026-48")]
    [InlineData("abcd-W48")]
    public void A_string_that_is_not_an_iso_week_does_not_parse(string? text)
    {
        Assert.False(WeekId.TryParse(text, CultureInfo.InvariantCulture, out var parsed));
        Assert.Equal(default, parsed);
    }

    [Fact]
    public void Parse_throws_a_format_exception_naming_the_expected_shape()
    {
        var error = Assert.Throws<FormatException>(() => WeekId.Parse("2026-W54", CultureInfo.InvariantCulture));
        Assert.Contains("2026-W48", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 53)]
    [InlineData(2020, 53)]
    [InlineData(2032, 53)]
    [InlineData(2025, 52)]
    [InlineData(2027, 52)]
    public void The_last_week_of_a_year_is_the_one_iso_week_counts(int year, int weeks)
    {
        Assert.Equal(weeks, ISOWeek.GetWeeksInYear(year));
        Assert.Equal(weeks, new WeekId(year, weeks).Week);
        Assert.Throws<ArgumentOutOfRangeException>(() => new WeekId(year, weeks + 1));
    }

    [Theory]
    [InlineData(1999, 1)]
    [InlineData(9999, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, 54)]
    [InlineData(2025, 53)]
    public void A_week_outside_the_calendar_cannot_be_constructed(int year, int week)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WeekId(year, week));
    }

    [Fact]
    public void Monday_is_the_first_day_of_the_iso_week_even_in_the_previous_calendar_year()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), new WeekId(2026, 48).Monday);
        Assert.Equal(new DateOnly(2025, 12, 29), new WeekId(2026, 1).Monday);
        Assert.Equal(new DateOnly(2026, 12, 28), new WeekId(2026, 53).Monday);
        Assert.Equal(DayOfWeek.Monday, new WeekId(2026, 53).Monday.DayOfWeek);
    }

    [Theory]
    [InlineData(2025, 12, 29, "2026-W01")]
    [InlineData(2025, 12, 28, "2025-W52")]
    [InlineData(2026, 1, 1, "2026-W01")]
    [InlineData(2026, 12, 31, "2026-W53")]
    [InlineData(2027, 1, 3, "2026-W53")]
    [InlineData(2027, 1, 4, "2027-W01")]
    public void Containing_gives_the_iso_week_of_a_date(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, WeekId.Containing(new DateOnly(year, month, day)).ToString());
    }

    [Fact]
    public void Previous_of_the_first_week_of_2026_is_the_last_week_of_2025()
    {
        Assert.Equal(new WeekId(2025, 52), new WeekId(2026, 1).Previous());
        Assert.Equal(new WeekId(2026, 1), new WeekId(2025, 52).Next());
    }

    [Fact]
    public void Next_of_week_53_of_2026_is_the_first_week_of_2027()
    {
        Assert.Equal(new WeekId(2027, 1), new WeekId(2026, 53).Next());
        Assert.Equal(new WeekId(2026, 53), new WeekId(2027, 1).Previous());
        Assert.Equal(new WeekId(2026, 53), new WeekId(2026, 52).Next());
    }

    [Fact]
    public void Weeks_order_by_year_then_week()
    {
        Assert.True(new WeekId(2025, 52) < new WeekId(2026, 1));
        Assert.True(new WeekId(2026, 53) > new WeekId(2026, 52));
        Assert.True(new WeekId(2026, 10) <= new WeekId(2026, 10));
        Assert.True(new WeekId(2027, 1) >= new WeekId(2026, 53));
        Assert.Equal(0, new WeekId(2026, 10).CompareTo(new WeekId(2026, 10)));
    }

    [Fact]
    public void Range_lists_every_week_across_a_53_week_new_year_with_both_ends_included()
    {
        var weeks = WeekId.Range(new WeekId(2026, 51), new WeekId(2027, 2)).Select(w => w.ToString()).ToList();
        Assert.Equal(["2026-W51", "2026-W52", "2026-W53", "2027-W01", "2027-W02"], weeks);
    }

    [Fact]
    public void Range_of_a_single_week_holds_that_week()
    {
        Assert.Equal([new WeekId(2026, 48)], WeekId.Range(new WeekId(2026, 48), new WeekId(2026, 48)));
    }

    [Fact]
    public void Range_is_empty_when_it_ends_before_it_starts()
    {
        Assert.Empty(WeekId.Range(new WeekId(2026, 2), new WeekId(2026, 1)));
    }

    [Theory]
    [InlineData("2026-W48", "2026-W48", 1)]
    [InlineData("2025-W52", "2026-W01", 2)]
    [InlineData("2026-W01", "2026-W53", 53)]
    [InlineData("2026-W51", "2027-W02", 5)]
    [InlineData("2025-W01", "2027-W01", 52 + 53 + 1)]
    [InlineData("2026-W02", "2026-W01", 0)]
    [InlineData("2027-W01", "2026-W01", 0)]
    public void CountBetween_counts_both_ends_and_is_zero_for_a_backwards_range(string from, string to, int expected)
    {
        var first = WeekId.Parse(from, CultureInfo.InvariantCulture);
        var last = WeekId.Parse(to, CultureInfo.InvariantCulture);
        Assert.Equal(expected, WeekId.CountBetween(first, last));
        Assert.Equal(expected, WeekId.Range(first, last).Count());
    }

    [Fact]
    public void A_week_round_trips_through_json_as_a_string()
    {
        var week = new WeekId(2026, 53);
        var json = JsonSerializer.Serialize(week);
        Assert.Equal("\"2026-W53\"", json);
        Assert.Equal(week, JsonSerializer.Deserialize<WeekId>(json));
    }

    [Fact]
    public void A_week_inside_an_object_round_trips_through_json()
    {
        var holder = new WeekHolder(new WeekId(2027, 1), new WeekId(2026, 53));
        var json = JsonSerializer.Serialize(holder);
        Assert.Contains("\"Week\":\"2027-W01\"", json, StringComparison.Ordinal);
        Assert.Equal(holder, JsonSerializer.Deserialize<WeekHolder>(json));
        Assert.Null(JsonSerializer.Deserialize<WeekHolder>("{\"Week\":\"2027-W01\",\"Before\":null}")!.Before);
    }

    [Theory]
    [InlineData("\"2025-W53\"")]
    [InlineData("\"next week\"")]
    [InlineData("48")]
    [InlineData("null")]
    public void Json_that_is_not_a_week_string_is_a_json_exception(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<WeekId>(json));
    }

    private sealed record WeekHolder(WeekId Week, WeekId? Before);
}
