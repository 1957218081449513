using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.FollowUp;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Promises;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Core.Texts;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.TestKit;
using Grastorp.Intake.Web.FollowUp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Grastorp.Intake.Core.Tips.Store.Recording;

namespace Grastorp.Intake.Core.Tests.FollowUp;

/// <summary>
/// The public follow-up publishes completed weeks only, from a snapshot refreshed once a day, against Azurite: a
/// poller learns nothing from a tip or a correction in the running week, and a view costs a few table requests.
/// </summary>
public sealed class FollowUpSnapshotTests : IDisposable
{
    private const string Trafik = "grastorp_2021.trafik";

    private static readonly StaffPrincipal Polis = new("Kommunpolis Test", new HashSet<StaffRole> { StaffRole.Kommunpolis });

    private readonly FakeTimeProvider _time = IntakeTestServices.InWeek48();
    private readonly RequestCounter _requests = new();
    private readonly ServiceProvider _services;

    public FollowUpSnapshotTests()
    {
        var connection = AzuriteAccounts.NewConnectionString();
        _services = IntakeTestServices.Create(
            _time,
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = connection,
            },
            services =>
            {
                // Every HTTP request to the table service, retries included, counted by the SDK's own pipeline.
                var options = new TableClientOptions();
                options.AddPolicy(_requests, HttpPipelinePosition.PerRetry);
                services.AddSingleton(new TableServiceClient(connection, options));
            });
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private FollowUpPages Pages => _services.GetRequiredService<FollowUpPages>();

    private async Task<ReceivedTip> TrafficTipAsync(DateTimeOffset at)
    {
        var tip = TipFactory.Tip("Bilar kör för fort på Storgatan varje kväll", at);
        var classification = new TipClassification([new ThemeMatch(Theme.Traffic, 0.9, ["fort"])]);
        var links = _services.GetRequiredService<PromiseCatalog>().Link("grastorp", at.Year, classification);
        Assert.Equal(RecordOutcome.Counted, await _services.GetRequiredService<TipRecorder>().RecordAsync(tip, classification, links, Cancel));
        return tip;
    }

    /// <summary>Every public figure of the traffic commitment, as the JSON gives it: month → shown text.</summary>
    private async Task<IReadOnlyList<string>> TrafficFiguresAsync()
    {
        using var json = JsonDocument.Parse(await Pages.JsonAsync(Cancel));
        var trafik = json.RootElement.GetProperty("promises").EnumerateArray()
            .SelectMany(p => p.GetProperty("commitments").EnumerateArray())
            .Single(c => c.GetProperty("key").GetString() == Trafik);
        return
        [
            .. trafik.GetProperty("tipsPerMonth").EnumerateArray().Select(m => $"{m.GetProperty("month").GetString()}: {m.GetProperty("tips").GetProperty("text").GetString()}"),
            $"total: {trafik.GetProperty("tipsTotal").GetProperty("text").GetString()}",
        ];
    }

    private async Task<(string Json, string Feed, string Page)> EverythingPublicAsync() =>
        (await Pages.JsonAsync(Cancel), await Pages.FeedAsync(Cancel), (await Pages.PageAsync(Language.Swedish, Cancel)).Html);

    [Fact]
    public async Task A_tip_sent_this_week_changes_no_public_figure_until_the_week_has_ended_and_the_snapshot_is_refreshed()
    {
        for (var i = 0; i < 3; i++)
        {
            await TrafficTipAsync(_time.GetUtcNow().AddDays(-7).AddMinutes(i));
        }

        var before = await EverythingPublicAsync();
        Assert.Contains("2026-11: 3", await TrafficFiguresAsync());

        // A poller watching the JSON, the feed and the page while a fourth tip comes in, seconds and hours later.
        await TrafficTipAsync(_time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(before, await EverythingPublicAsync());
        _time.Advance(TimeSpan.FromHours(30));
        Assert.Equal(before, await EverythingPublicAsync());

        // Monday 00:30 UTC: week 48 has ended and the daily refresh takes it in.
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 30, 0, TimeSpan.Zero));
        await _services.GetRequiredService<FollowUpService>().RefreshAsync(Cancel);

        Assert.Contains("2026-11: 4", await TrafficFiguresAsync());
    }

    [Fact]
    public async Task A_correction_inside_the_running_week_cannot_be_seen_publicly()
    {
        var tips = new List<ReceivedTip>();
        for (var i = 0; i < 3; i++)
        {
            tips.Add(await TrafficTipAsync(_time.GetUtcNow().AddMinutes(-10 - i)));
        }

        var before = await EverythingPublicAsync();
        await _services.GetRequiredService<TipCorrectionService>().CorrectAsync(
            Polis, new TipCorrectionRequest("grastorp", "2026-W48", tips[0].Reference, [Theme.Burglary], new string('c', 32)), Cancel);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(before, await EverythingPublicAsync());
        Assert.DoesNotContain(await TrafficFiguresAsync(), f => f.Contains("färre än 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_view_reads_the_snapshot_and_each_promises_actions_and_nothing_else()
    {
        for (var i = 0; i < 3; i++)
        {
            await TrafficTipAsync(_time.GetUtcNow().AddDays(-7).AddMinutes(i));
        }

        await Pages.JsonAsync(Cancel); // makes the snapshot (and the tables) on the first view of the week
        var promisesInUse = _services.GetRequiredService<MunicipalityCatalog>().All
            .Count(m => _services.GetRequiredService<PromiseCatalog>().InEffect(m.Id, 2026) is not null);

        foreach (var view in new Func<Task>[] { () => Pages.JsonAsync(Cancel), () => Pages.FeedAsync(Cancel), () => Pages.PageAsync(Language.Swedish, Cancel) })
        {
            _requests.Reset();
            await view();
            Assert.Equal(1 + promisesInUse, _requests.Count);
        }

        Assert.InRange(promisesInUse, 1, 3);
    }

    public void Dispose() => _services.Dispose();

    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }
}
