using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Stats.EarlyWarning;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Grastorp.Intake.Core.Tips.Store.Recording;

namespace Grastorp.Intake.Core.Tests.Stats;

/// <summary>The early warning read from real counters (Azurite): per municipality and theme, tips only.</summary>
public sealed class EarlyWarningServiceTests : IDisposable
{
    private static readonly TipClassification Burglary = new([new ThemeMatch(Theme.Burglary, 1, ["inbrott"])]);
    private static readonly TipClassification Drugs = new([new ThemeMatch(Theme.Drugs, 0.9, ["knark"])]);

    private readonly ServiceProvider _services = IntakeTestServices.Create(
        IntakeTestServices.InWeek48(), new Dictionary<string, string?> { ["AzureWebJobsStorage"] = AzuriteAccounts.NewConnectionString() });

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task RecordAsync(string municipality, WeekId week, int count, TipClassification themes, TipKind kind = TipKind.Tip)
    {
        for (var i = 0; i < count; i++)
        {
            var at = new DateTimeOffset(week.Monday.ToDateTime(new TimeOnly(10, i)), TimeSpan.FromHours(1));
            await _services.GetRequiredService<TipRecorder>().RecordAsync(TipFactory.Tip($"Tips {municipality} {week} {i}", at, municipality) with { Kind = kind }, themes, Token);
        }
    }

    [Fact]
    public async Task A_week_well_above_its_own_recent_weeks_is_flagged_and_a_steady_one_is_not()
    {
        var week48 = WeekId.Parse("2026-W48");
        var week = WeekId.Parse("2026-W40");
        foreach (var (vara, grastorp) in new[] { (1, 2), (2, 2), (1, 3), (1, 2), (2, 1), (1, 2), (1, 2), (2, 3), (7, 3) })
        {
            await RecordAsync("vara", week, vara, Burglary);
            await RecordAsync("grastorp", week, grastorp, Drugs);
            week = week.Next();
        }

        await RecordAsync("grastorp", week48, 6, Drugs, TipKind.Idea); // ideas are not incidents: they do not count

        var catalog = _services.GetRequiredService<MunicipalityCatalog>();
        var flags = await _services.GetRequiredService<EarlyWarningService>().FlagsAsync(week48, catalog.All, Token);

        var flag = Assert.Single(flags);
        Assert.Equal("vara", flag.Municipality.Id);
        Assert.Equal(Theme.Burglary, flag.Theme);
        Assert.Equal("Ovanligt många tips om inbrott och stöld i Vara: 7 mot normalt 1–2 i veckan", flag.Line());
    }

    public void Dispose() => _services.Dispose();
}
