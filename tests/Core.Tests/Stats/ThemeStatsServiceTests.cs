using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Stats;
using Grastorp.Intake.Core.Themes;
using Microsoft.Extensions.DependencyInjection;
using Grastorp.Intake.Core.Tips.Store.Recording;

namespace Grastorp.Intake.Core.Tests.Stats;

public sealed class ThemeStatsServiceTests : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = IntakeTestServices.InWeek48();
    private readonly ServiceProvider _services;

    public ThemeStatsServiceTests() => _services = IntakeTestServices.Create(_time);

    private async Task RecordAsync(string municipality, string receivedAt, params string[] themes)
    {
        var classification = new TipClassification([.. themes.Select(t => new ThemeMatch(t, 1, [t]))]);
        await _services.GetRequiredService<TipRecorder>().RecordAsync(
            TipFactory.Tip("En text om något som hände", DateTimeOffset.Parse(receivedAt), municipality), classification, TestContext.Current.CancellationToken);
    }

    private (StatsQuery? Query, IReadOnlyDictionary<string, string[]> Errors) Parse(string? from, string? to, string? municipality) =>
        _services.GetRequiredService<StatsQueryParser>().Parse(from, to, municipality);

    [Fact]
    public async Task Counts_come_per_theme_per_week_per_municipality_and_together()
    {
        await RecordAsync("grastorp", "2026-11-17T09:00:00+01:00", Theme.Drugs);
        await RecordAsync("grastorp", "2026-11-24T09:00:00+01:00", Theme.Drugs, Theme.Traffic);
        await RecordAsync("grastorp", "2026-11-25T09:00:00+01:00", Theme.Burglary);
        await RecordAsync("vara", "2026-11-25T09:00:00+01:00", Theme.Burglary);
        await RecordAsync("essunga", "2026-11-02T09:00:00+01:00", Theme.Other);

        var stats = await _services.GetRequiredService<ThemeStatsService>().GetAsync(Parse("2026-W47", "2026-W48", null).Query!, TestContext.Current.CancellationToken);

        Assert.Equal([Theme.Drugs, Theme.Traffic, Theme.Burglary, Theme.Other], stats.Themes);
        var grastorp = stats.Municipalities.Single(m => m.Municipality == "grastorp").Counts;
        Assert.Equal(["2026-W47", "2026-W48"], grastorp.Weeks.Select(w => w.Week.ToString()));
        Assert.Equal(1, grastorp.Weeks[0].Tips);
        Assert.Equal(2, grastorp.Weeks[1].Tips);
        Assert.Equal(1, grastorp.Weeks[1].Themes[Theme.Traffic]);
        Assert.Equal(3, grastorp.Total.Tips);
        Assert.Equal(2, grastorp.Total.Themes[Theme.Drugs]);
        Assert.Equal(1, stats.Municipalities.Single(m => m.Municipality == "vara").Counts.Total.Themes[Theme.Burglary]);
        Assert.Equal(0, stats.Municipalities.Single(m => m.Municipality == "essunga").Counts.Total.Tips);
        Assert.Equal(4, stats.All.Total.Tips);
        Assert.Equal(3, stats.All.Weeks[1].Tips);
        Assert.Equal(2, stats.All.Total.Themes[Theme.Burglary]);
    }

    [Fact]
    public async Task A_municipality_filter_returns_only_that_municipality()
    {
        await RecordAsync("grastorp", "2026-11-24T09:00:00+01:00", Theme.Drugs);
        await RecordAsync("vara", "2026-11-24T09:00:00+01:00", Theme.Traffic);

        var stats = await _services.GetRequiredService<ThemeStatsService>().GetAsync(Parse("2026-W48", "2026-W48", "Vara").Query!, TestContext.Current.CancellationToken);

        Assert.Equal("vara", Assert.Single(stats.Municipalities).Municipality);
        Assert.Equal(1, stats.All.Total.Tips);
        Assert.Equal(0, stats.All.Total.Themes[Theme.Drugs]);
    }

    [Fact]
    public void Without_a_range_the_last_eight_weeks_are_counted()
    {
        var query = Parse(null, null, null).Query!;
        Assert.Equal(WeekId.Parse("2026-W48", null), query.To);
        Assert.Equal(WeekId.Parse("2026-W41", null), query.From);
        Assert.Equal(3, query.Municipalities.Count);
    }

    [Theory]
    [InlineData("2000-W01", "2000-W02", 2)]
    [InlineData(null, "2000-W01", 1)]
    [InlineData("9998-W51", "9998-W52", 2)]
    public void Ranges_at_the_edges_of_the_calendar_are_answered_not_thrown(string? from, string to, int weeks)
    {
        var query = Parse(from, to, null).Query!;
        Assert.Equal(weeks, WeekId.Range(query.From, query.To).Count());
    }

    [Theory]
    [InlineData("2026-48", null, null, "from")]
    [InlineData("2026-W48", "2026-W40", null, "from")]
    [InlineData("2020-W01", "2026-W48", null, "from")]
    [InlineData(null, "soon", null, "to")]
    [InlineData(null, null, "göteborg", "municipality")]
    public void A_bad_parameter_is_named_in_the_errors(string? from, string? to, string? municipality, string field)
    {
        var (query, errors) = Parse(from, to, municipality);
        Assert.Null(query);
        Assert.True(errors.ContainsKey(field), string.Join(",", errors.Keys));
    }

    public void Dispose() => _services.Dispose();
}
