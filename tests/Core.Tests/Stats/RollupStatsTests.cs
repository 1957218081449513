using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store;
using Grastorp.Intake.Core.Tips.Store.Correcting;
using Grastorp.Intake.Core.Tips.Store.Rollup;
using Grastorp.Intake.Core.Municipalities;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Staff.TipList;
using Grastorp.Intake.Core.Stats;
using Grastorp.Intake.Core.Storage;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Grastorp.Intake.Core.Tips.Store.Rebuilding;
using Grastorp.Intake.Core.Tips.Store.Recording;
using Grastorp.Intake.Core.Tips.Store.Reading;

namespace Grastorp.Intake.Core.Tests.Stats;

/// <summary>
/// Stats read the rollup table, a copy of each week's counters written after the tips transaction. Whatever happens
/// to the tips (duplicates, corrections, two instances, a rollup write that fails), the answer must be the one the
/// live counter rows give, read the way stats read them before the rollup existed.
/// </summary>
public sealed class RollupStatsTests : IDisposable
{
    private static readonly TipClassification Drugs = new([new ThemeMatch(Theme.Drugs, 0.9, ["knark"])]);
    private static readonly TipClassification DrugsAndTraffic = new([new ThemeMatch(Theme.Traffic, 0.9, ["fort"]), new ThemeMatch(Theme.Drugs, 0.8, ["knark"])]);
    private static readonly TipClassification Burglary = new([new ThemeMatch(Theme.Burglary, 1, ["inbrott"])]);

    private readonly string _connection = AzuriteAccounts.NewConnectionString();
    private readonly TableRequests _requests = new();
    private readonly ServiceProvider _services;
    private readonly List<ServiceProvider> _others = [];

    public RollupStatsTests()
    {
        _services = Instance(_requests);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private CounterRebuilder Rebuilder => _services.GetRequiredService<CounterRebuilder>();

    private TipCorrector Corrector => _services.GetRequiredService<TipCorrector>();

    private TipRecorder Recorder => _services.GetRequiredService<TipRecorder>();

    private TipWeekReader WeekReader => _services.GetRequiredService<TipWeekReader>();

    private static readonly TipPartition Week48 = new("grastorp", WeekId.Parse("2026-W48"));

    /// <summary>Another function instance on the same storage account (its own caches), optionally with its table requests counted.</summary>
    private ServiceProvider Instance(TableRequests? requests = null)
    {
        var services = IntakeTestServices.Create(IntakeTestServices.InWeek48(), new Dictionary<string, string?> { ["AzureWebJobsStorage"] = _connection }, configure: s =>
        {
            if (requests is not null)
            {
                var options = new TableClientOptions();
                options.AddPolicy(requests, HttpPipelinePosition.PerCall);
                s.AddSingleton(new TableServiceClient(_connection, options));
            }
        });
        if (requests is null)
        {
            _others.Add(services);
        }

        return services;
    }

    private static ReceivedTip Tip(string text, string receivedAt, string municipality = "grastorp", TipKind kind = TipKind.Tip) =>
        Tip(text, DateTimeOffset.Parse(receivedAt), municipality, kind);

    private static ReceivedTip Tip(string text, DateTimeOffset receivedAt, string municipality = "grastorp", TipKind kind = TipKind.Tip) =>
        TipFactory.Tip(text, receivedAt, municipality) with { Kind = kind };

    private async Task<int> StatsTotalAsync(string from = "2026-W40", string to = "2026-W49") =>
        (await _services.GetRequiredService<ThemeStatsService>().QueryAsync(from, to, null, Token)).Stats!.All.Total.Tips;

    private async Task<string> StatsJsonAsync(string? kind = null, string from = "2026-W40", string to = "2026-W49") =>
        JsonSerializer.Serialize((await _services.GetRequiredService<ThemeStatsService>().QueryAsync(from, to, null, kind, Token)).Stats);

    /// <summary>What stats answered before the rollup: every partition's live counter rows, summed the same way.</summary>
    private async Task<string> LiveJsonAsync(string? kind = null, string from = "2026-W40", string to = "2026-W49")
    {
        var query = _services.GetRequiredService<StatsQueryParser>().Parse(from, to, null, kind).Query!;
        var weeks = WeekId.Range(query.From, query.To).ToList();
        var read = new Dictionary<TipPartition, PartitionCounts>();
        foreach (var partition in query.Municipalities.SelectMany(m => weeks.Select(w => new TipPartition(m.Id, w))))
        {
            read[partition] = (await WeekReader.ReadCountsAsync(partition, Token)).OfKind(query.Kind);
        }

        var themes = _services.GetRequiredService<ThemeCatalog>().ReportOrder(read.Values.SelectMany(c => c.Themes.Keys));
        WeekCounts WeekOf(WeekId week, IEnumerable<PartitionCounts> counts)
        {
            var list = counts.ToList();
            return new WeekCounts(week, list.Sum(c => c.Tips), themes.ToDictionary(t => t, t => list.Sum(c => c.Of(t))));
        }

        CountSeries Sum(IReadOnlyList<WeekCounts> series) =>
            new(series, new CountTotals(series.Sum(w => w.Tips), themes.ToDictionary(t => t, t => series.Sum(w => w.Themes[t]))));
        var perMunicipality = query.Municipalities
            .Select(m => new MunicipalityCounts(m.Id, m.Name, Sum([.. weeks.Select(w => WeekOf(w, [read[new TipPartition(m.Id, w)]]))])))
            .ToList();
        var all = Sum([.. weeks.Select(w => WeekOf(w, query.Municipalities.Select(m => read[new TipPartition(m.Id, w)])))]);
        return JsonSerializer.Serialize(new ThemeStats(query.From, query.To, themes, perMunicipality, all) { Kind = query.Kind ?? StatsQuery.All });
    }

    private async Task AssertStatsEqualLiveCountersAsync()
    {
        foreach (var kind in new string?[] { null, "tip", "idea", "feedback" })
        {
            Assert.Equal(await LiveJsonAsync(kind), await StatsJsonAsync(kind));
        }
    }

    [Fact]
    public async Task Stats_equal_the_live_counters_after_recording_duplicates_and_corrections()
    {
        var drugs = Tip("Knark vid skolan", "2026-11-24T10:00:00+01:00");
        await Recorder.RecordAsync(drugs, Drugs, Token);
        await Recorder.RecordAsync(Tip("Bilar kör fort och någon var påverkad", "2026-11-24T11:00:00+01:00", kind: TipKind.Idea), DrugsAndTraffic, Token);
        await Recorder.RecordAsync(Tip("Inbrott i förrådet", "2026-11-17T09:00:00+01:00", "vara"), Burglary, Token);
        await Recorder.RecordAsync(Tip("Inbrott igen", "2026-10-06T09:00:00+01:00", "essunga", TipKind.Feedback), Burglary, Token);
        Assert.Equal(RecordOutcome.AlreadyCounted, await Recorder.RecordAsync(drugs, Drugs, Token));

        await AssertStatsEqualLiveCountersAsync();
        Assert.Equal(4, await StatsTotalAsync());

        // A correction takes drugs away (the counter stays, at 0) and adds burglary: no tip moves, the themes do.
        Assert.Equal(CorrectionOutcome.Corrected, await Corrector.CorrectAsync(Week48, new ThemeCorrection(drugs.Reference, [Theme.Burglary], "req-1", "staff"), Token));
        Assert.Equal(CorrectionOutcome.AlreadyApplied, await Corrector.CorrectAsync(Week48, new ThemeCorrection(drugs.Reference, [Theme.Burglary], "req-1", "staff"), Token));

        await AssertStatsEqualLiveCountersAsync();
        var stats = (await _services.GetRequiredService<ThemeStatsService>().QueryAsync("2026-W48", "2026-W48", "grastorp", "tip", Token)).Stats!;
        Assert.Equal(1, stats.All.Total.Themes[Theme.Burglary]);
        Assert.Equal(0, stats.All.Total.Themes[Theme.Drugs]);
    }

    [Fact]
    public async Task Two_instances_recording_and_correcting_in_turn_leave_the_rollup_at_the_newest_counters()
    {
        // Each instance remembers the counters (and the rollup row's ETag) of its last write and skips the reads; the
        // other one moves them meanwhile. The partition's version must make the first notice, and a late writer
        // must never put older counts back.
        var other = Instance();
        var recorders = new[] { Recorder, other.GetRequiredService<TipRecorder>() };
        var recorded = new List<ReceivedTip>();
        for (var i = 0; i < 6; i++)
        {
            var tip = Tip($"Tips nummer {i} om knark", DateTimeOffset.Parse("2026-11-24T10:00:00+01:00").AddMinutes(i));
            recorded.Add(tip);
            Assert.Equal(RecordOutcome.Counted, await recorders[i % 2].RecordAsync(tip, i % 3 == 0 ? DrugsAndTraffic : Drugs, Token));
            if (i == 3)
            {
                await other.GetRequiredService<TipCorrector>().CorrectAsync(Week48, new ThemeCorrection(recorded[0].Reference, [Theme.Other], "fix-0", "staff"), Token);
            }

            await AssertStatsEqualLiveCountersAsync();
        }

        Assert.Equal(RecordOutcome.AlreadyCounted, await recorders[1].RecordAsync(recorded[4], Drugs, Token));
        await AssertStatsEqualLiveCountersAsync();
    }

    [Fact]
    public async Task Tips_recorded_at_once_by_two_instances_in_three_partitions_leave_the_rollup_at_the_live_counters()
    {
        // Each instance's rollup writes run outside its recording gate and carry the newest counts it has seen, so
        // writes overlap the next transactions and each other: the end state must still be the newest version.
        var recorders = new[] { Recorder, Instance().GetRequiredService<TipRecorder>() };
        string[] municipalities = ["grastorp", "vara", "essunga"];
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 36).Select(i => recorders[i % 2].RecordAsync(
            Tip($"Tips nummer {i} om knark", DateTimeOffset.Parse("2026-11-24T10:00:00+01:00").AddSeconds(i), municipalities[i % 3]),
            i % 4 == 0 ? DrugsAndTraffic : Drugs,
            Token)));

        Assert.All(outcomes, outcome => Assert.Equal(RecordOutcome.Counted, outcome));
        Assert.Equal(36, await StatsTotalAsync());
        await AssertStatsEqualLiveCountersAsync();
    }

    [Fact]
    public async Task A_stale_writer_never_replaces_a_newer_version()
    {
        var first = _services.GetRequiredService<CountRollupStore>();
        var second = Instance().GetRequiredService<CountRollupStore>();
        WeekCounters Counters(long version, int tips) => new(Week48, version, [new(null, null, tips), new(null, Theme.Drugs, tips)]);

        Assert.Equal(RollupWrite.Written, await first.WriteAsync(Counters(1, 1), Token));      // first now knows version 1 and its ETag
        Assert.Equal(RollupWrite.Written, await second.WriteAsync(Counters(3, 3), Token));     // read, 1 < 3, replaced
        Assert.Equal(RollupWrite.AlreadyNewer, await first.WriteAsync(Counters(2, 2), Token)); // its ETag is stale: 412, read, 3 > 2
        Assert.Equal(RollupWrite.AlreadyNewer, await second.WriteAsync(Counters(3, 3), Token)); // the same version again: no write
        Assert.Equal(RollupWrite.Written, await first.WriteAsync(Counters(4, 4), Token));

        var week = Assert.Single(await second.ReadAsync("grastorp", Week48.Week, Week48.Week, Token));
        Assert.Equal(4, week.Version);
        Assert.Equal(4, PartitionCounts.Of(week).Of(Theme.Drugs));
    }

    [Fact]
    public async Task A_rollup_write_that_fails_after_the_transaction_is_healed_when_the_message_comes_again()
    {
        await Recorder.RecordAsync(Tip("Knark vid skolan", "2026-11-24T10:00:00+01:00"), Drugs, Token);
        var table = await _services.GetRequiredService<IntakeTables>().RollupAsync();
        await table.DeleteAsync(Token); // the rollup's storage fails: the next write after a committed transaction throws

        var tip = Tip("Mer knark vid skolan", "2026-11-24T11:00:00+01:00");
        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => Recorder.RecordAsync(tip, Drugs, Token));
        Assert.Equal(2, (await WeekReader.ReadCountsAsync(Week48, Token)).Tips); // the tip is counted; only its copy failed
        await table.CreateIfNotExistsAsync(Token);
        Assert.NotEqual(await LiveJsonAsync(), await StatsJsonAsync());

        // The queue delivers the message again (the function threw): already counted, and the rollup is written.
        Assert.Equal(RecordOutcome.AlreadyCounted, await Recorder.RecordAsync(tip, Drugs, Token));

        await AssertStatsEqualLiveCountersAsync();
        Assert.Equal(2, await StatsTotalAsync());
    }

    [Fact]
    public async Task A_redelivery_to_another_instance_heals_from_fresh_counters_not_from_what_it_remembered()
    {
        // The other instance counted the week's first tip and remembers those counters. The message of the second
        // tip, whose rollup write failed here, comes back there: it must not roll up what it remembers (one tip).
        var otherRecorder = Instance().GetRequiredService<TipRecorder>();
        await otherRecorder.RecordAsync(Tip("Knark vid skolan", "2026-11-24T10:00:00+01:00"), Drugs, Token);
        var table = await _services.GetRequiredService<IntakeTables>().RollupAsync();
        var tip = Tip("Mer knark vid skolan", "2026-11-24T11:00:00+01:00");
        await table.DeleteAsync(Token);
        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => Recorder.RecordAsync(tip, Drugs, Token));
        await table.CreateIfNotExistsAsync(Token);

        Assert.Equal(RecordOutcome.AlreadyCounted, await otherRecorder.RecordAsync(tip, Drugs, Token));

        await AssertStatsEqualLiveCountersAsync();
        Assert.Equal(2, await StatsTotalAsync());
    }

    /// <summary>A drugs tip recorded, then the rollup table deleted, so the next rollup write fails.</summary>
    private async Task<(ReceivedTip Tip, TableClient Rollup)> RecordedWithTheRollupGoneAsync()
    {
        var tip = Tip("Knark vid skolan", "2026-11-24T10:00:00+01:00");
        await Recorder.RecordAsync(tip, Drugs, Token);
        var table = await _services.GetRequiredService<IntakeTables>().RollupAsync();
        await table.DeleteAsync(Token);
        return (tip, table);
    }

    [Fact]
    public async Task A_correction_whose_rollup_write_failed_is_healed_when_staff_send_it_again()
    {
        var (tip, table) = await RecordedWithTheRollupGoneAsync();
        var correction = new ThemeCorrection(tip.Reference, [Theme.Traffic], "req-7", "staff");

        var failure = await Assert.ThrowsAsync<CorrectionNotRolledUpException>(() => Corrector.CorrectAsync(Week48, correction, Token));
        Assert.IsAssignableFrom<Azure.RequestFailedException>(failure.InnerException);
        await table.CreateIfNotExistsAsync(Token);
        Assert.Equal(CorrectionOutcome.AlreadyApplied, await Corrector.CorrectAsync(Week48, correction, Token));

        await AssertStatsEqualLiveCountersAsync();
    }

    [Fact]
    public async Task A_correction_whose_rollup_write_failed_is_audited_once_and_answered_as_the_storage_fault()
    {
        var (tip, table) = await RecordedWithTheRollupGoneAsync();
        var corrections = _services.GetRequiredService<TipCorrectionService>();
        var polis = new StaffPrincipal("Kommunpolis Test", new HashSet<StaffRole> { StaffRole.Kommunpolis });
        var request = new TipCorrectionRequest("grastorp", "2026-W48", tip.Reference, [Theme.Traffic], new string('a', 32));

        // The cause itself, so hosts answer it as the storage fault it is (503 for an outage), not a wrapper.
        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => corrections.CorrectAsync(polis, request, Token));
        await table.CreateIfNotExistsAsync(Token);
        Assert.Equal(CorrectionOutcome.AlreadyApplied, await corrections.CorrectAsync(polis, request, Token));

        var audited = (await _services.GetRequiredService<AuditLog>().ReadAsync(null, null, 200, Token)).Entries.Where(e => e.Action == AuditAction.Corrected).ToList();
        var entry = Assert.Single(audited);
        Assert.Equal(tip.Reference, entry.Reference);
        await AssertStatsEqualLiveCountersAsync();
    }

    [Fact]
    public async Task Rebuilding_the_counters_fills_the_rollup_for_weeks_counted_before_it()
    {
        await Recorder.RecordAsync(Tip("Knark vid skolan", "2026-11-24T10:00:00+01:00"), Drugs, Token);
        await Recorder.RecordAsync(Tip("Inbrott i förrådet", "2026-11-17T09:00:00+01:00", "vara", TipKind.Idea), Burglary, Token);
        var table = await _services.GetRequiredService<IntakeTables>().RollupAsync();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: Token))
        {
            await table.DeleteEntityAsync(row, cancellationToken: Token);
        }

        Assert.Equal(0, await StatsTotalAsync());

        await Rebuilder.RebuildCountersAsync(Token);

        await AssertStatsEqualLiveCountersAsync();
        // Later tips still reach the rollup: the rebuilt version is above what the rollup held.
        await Recorder.RecordAsync(Tip("Knark igen", "2026-11-24T12:00:00+01:00"), Drugs, Token);
        await AssertStatsEqualLiveCountersAsync();
    }

    [Fact]
    public async Task Counter_rows_deleted_by_hand_and_rebuilt_keep_the_rollup_moving()
    {
        await Recorder.RecordAsync(Tip("Knark vid skolan", "2026-11-24T10:00:00+01:00"), Drugs, Token);
        await Recorder.RecordAsync(Tip("Knark i parken", "2026-11-24T10:05:00+01:00"), Drugs, Token);
        var tips = await _services.GetRequiredService<IntakeTables>().TipsAsync();
        await foreach (var row in tips.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey ge {"count"} and RowKey lt {"count."}"), cancellationToken: Token))
        {
            await tips.DeleteEntityAsync(row, cancellationToken: Token);
        }

        await Instance().GetRequiredService<CounterRebuilder>().RebuildCountersAsync(Token);
        await Instance().GetRequiredService<TipRecorder>().RecordAsync(Tip("Knark på torget", "2026-11-24T10:10:00+01:00"), Drugs, Token);

        await AssertStatsEqualLiveCountersAsync();
        Assert.Equal(3, await StatsTotalAsync());
    }

    [Fact]
    public async Task A_year_of_stats_for_every_municipality_reads_the_rollup_only_one_row_per_week_with_tips()
    {
        var weeks = 0;
        for (var week = WeekId.Parse("2025-W48"); week <= WeekId.Parse("2026-W48"); week = week.Next())
        {
            var at = new DateTimeOffset(week.Monday.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(1));
            foreach (var municipality in new[] { "grastorp", "vara", "essunga" })
            {
                await Recorder.RecordAsync(Tip("Knark vid skolan", at, municipality, week.Week % 2 == 0 ? TipKind.Idea : TipKind.Tip), DrugsAndTraffic, Token);
            }

            weeks++;
        }

        Assert.Equal(53, weeks);
        var tipsTable = _services.GetRequiredService<IOptions<StorageOptions>>().Value.TipsTable;
        var rollupTable = _services.GetRequiredService<IOptions<StorageOptions>>().Value.RollupTable;
        _requests.Clear();

        var stats = (await _services.GetRequiredService<ThemeStatsService>().QueryAsync("2025-W48", "2026-W48", "all", Token)).Stats!;

        var seen = _requests.Seen.ToList();
        Assert.Equal(159, stats.All.Total.Tips);
        Assert.Equal(3, seen.Count);                                        // one range read per municipality
        Assert.All(seen, r => Assert.StartsWith($"/{rollupTable}()", r.Path, StringComparison.Ordinal));
        Assert.DoesNotContain(seen, r => r.Path.Contains(tipsTable, StringComparison.Ordinal));
        Assert.Equal(3 * 53, seen.Sum(r => r.Entities));                   // at most 53 × (themes + 1) per municipality: one row a week
    }

    public void Dispose()
    {
        _services.Dispose();
        _others.ForEach(s => s.Dispose());
    }

    /// <summary>Every table request the store's client sends, with the number of entities its answer held.</summary>
    private sealed class TableRequests : HttpPipelinePolicy
    {
        public ConcurrentQueue<(string Path, int Entities)> Seen { get; private set; } = new();

        public void Clear() => Seen = new();

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            Record(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            Record(message);
        }

        private void Record(HttpMessage message)
        {
            var path = message.Request.Uri.Path;
            var account = path.IndexOf('/', 1);
            path = account > 0 ? path[account..] : path;
            var entities = 0;
            if (message.Request.Method == RequestMethod.Get && message.Response.Status == 200 && message.Response.Content is { } content)
            {
                using var json = JsonDocument.Parse(content.ToMemory());
                entities = json.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 1;
            }

            Seen.Enqueue((path, entities));
        }
    }
}
