using BenchmarkDotNet.Attributes;
using Grastorp.Intake.Core;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Digest.Composition;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Presentation;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Privacy;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Bench;

/// <summary>
/// A week of 10,000 tips in three municipalities (issue 17: rendered in under a second): the whole message as Monday's
/// timer makes it, view (with personal-data masking of the tips shown), HTML through the Razor components (shrunk
/// until it fits Gmail's limit) and the plain-text part. "Op" is one digest.
/// </summary>
[MemoryDiagnoser]
public class DigestBenchmarks
{
    private const int Tips = 10_000;
    private static readonly string[] Themes = [Theme.Drugs, Theme.Traffic, Theme.Burglary, Theme.Other];

    private ServiceProvider _web = null!;
    private DigestMessageFactory _factory = null!;
    private WeeklyDigest _week = null!;

    [GlobalSetup]
    public void Setup()
    {
        _web = new ServiceCollection().AddLogging().AddIntakeWeb().BuildServiceProvider();
        var views = new DigestViewBuilder(
            Options.Create(new SiteOptions { BaseUrl = new Uri("https://tips.grastorp.example") }),
            new MunicipalityCatalog(Options.Create(new MunicipalityOptions())),
            new ThemeCatalog(Options.Create(new ThemeCatalogOptions())),
            new PersonalDataDetector());
        _factory = new DigestMessageFactory(
            views, _web.GetRequiredService<IDigestBodyRenderer>(), Options.Create(new DigestOptions { From = "tips@grastorp-intake.example" }), TimeProvider.System);
        _week = Week(new WeekId(2026, 48));
        for (var round = 0; round < 3; round++)
        {
            RenderWeekOf10000Tips().GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _web.Dispose();

    [Benchmark]
    public async Task<int> RenderWeekOf10000Tips()
    {
        var message = await _factory.CreateAsync(_week, resend: 0, CancellationToken.None);
        return message.Html.Length + message.PlainText.Length;
    }

    /// <summary>As <see cref="DigestComposer"/> groups them: newest first, by theme, counts per municipality.</summary>
    private static WeeklyDigest Week(WeekId week)
    {
        var municipalities = new MunicipalityCatalog(Options.Create(new MunicipalityOptions())).All;
        var texts = BenchTips.Create(500, 120);
        var monday = new DateTimeOffset(week.Monday.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(1));
        var tips = Enumerable.Range(0, Tips).Select(i => new StoredTip(
            $"B{i:D9}", municipalities[i % municipalities.Count].Id, i % 10 == 0 ? "idea" : "tip", texts[i % texts.Length],
            i % 3 == 0 ? "Storgatan, Grästorp" : null, null, i % 5 == 0 ? "070-123 45 67" : null,
            monday.AddSeconds(i * 60), [Themes[i % Themes.Length]]))
            .OrderByDescending(t => t.ReceivedAt).ToList();
        bool IsTip(StoredTip t) => t.Kind == "tip";
        ThemeCount Count(string theme, int count) => new(theme, count, count - 10, count * 0.9);
        return new WeeklyDigest(
            week,
            new DigestRecipientList { Id = "kommunpolis", Addresses = ["kommunpolis@example.se"] },
            Themes,
            [.. municipalities.Select(m => new MunicipalityDigest(
                m,
                Count(ThemeCount.AllTips, tips.Count(t => t.Municipality == m.Id)),
                [.. Themes.Select(theme => Count(theme, tips.Count(t => t.Municipality == m.Id && t.Themes.Contains(theme))))]))],
            [.. Themes.Select(theme => new ThemeTips(theme, [.. tips.Where(t => IsTip(t) && t.Themes.Contains(theme))], tips.Count(t => !IsTip(t) && t.Themes.Contains(theme))))])
        {
            IdeasAndFeedback = [.. tips.Where(t => !IsTip(t))],
        };
    }
}
