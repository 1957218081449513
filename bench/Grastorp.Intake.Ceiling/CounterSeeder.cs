using System.Globalization;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store.Rollup;
using Grastorp.Intake.Core.Tips.Store.Rows;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips;

namespace Grastorp.Intake.Ceiling;

/// <summary>
/// Stats at scale without recording a million tips one by one: the counter rows those tips would have left, per
/// municipality and week, in the store's own row layout (<see cref="TipRowKeys"/>), one transaction per partition,
/// and the same counters in the rollup table through <see cref="CountRollupStore"/>.
/// Optionally filler tip rows too, so the emulator's table is as large as it would be (Azurite scans whole tables).
/// </summary>
internal static class CounterSeeder
{
    private static readonly string[] Municipalities = ["grastorp", "vara", "essunga"];
    private static readonly string[] Themes = [Theme.Drugs, Theme.Traffic, Theme.Burglary, Theme.Other];

    public static async Task<int> RunAsync(string[] args)
    {
        var tips = long.Parse(args[0], CultureInfo.InvariantCulture);
        var years = int.Parse(args[1], CultureInfo.InvariantCulture);
        var fillerRows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
        var table = Storage.Table("Tips");
        await table.CreateIfNotExistsAsync();
        var rollup = Storage.RollupStore();
        var to = SwedishTime.WeekOf(TimeProvider.System.GetUtcNow());
        var from = to;
        for (var i = 0; i < years * 52; i++)
        {
            from = from.Previous();
        }

        var partitions = WeekId.Range(from, to).SelectMany(w => Municipalities.Select(m => $"{m}-{w}")).ToList();
        var random = new Random(17);
        long seeded = 0;
        await Parallel.ForEachAsync(partitions.Select((p, i) => (p, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, token) =>
        {
            // Even shares, the remainder to the first partitions, so the total is exactly the number asked for.
            var count = (int)(tips / partitions.Count + (item.i < tips % partitions.Count ? 1 : 0));
            var ideas = count / 10;
            var perTheme = Split(count - ideas, Themes.Length);
            var rows = new List<(string Key, int Count)> { (TipRowKeys.TipsCounter, count), (TipRowKeys.KindCounter("tip"), count - ideas), (TipRowKeys.KindCounter("idea"), ideas) };
            for (var t = 0; t < Themes.Length; t++)
            {
                var theme = Themes[t] == Theme.Other ? perTheme[t] + ideas : perTheme[t];
                rows.Add((TipRowKeys.ThemeCounter(Themes[t]), theme));
                rows.Add((TipRowKeys.KindThemeCounter("tip", Themes[t]), perTheme[t]));
            }

            rows.Add((TipRowKeys.KindThemeCounter("idea", Theme.Other), ideas));
            await table.SubmitTransactionAsync(
                rows.Select(r => new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace,
                    r.Key == TipRowKeys.TipsCounter
                        ? new TableEntity(item.p, r.Key) { ["Count"] = r.Count, [TipsCounterEntity.VersionProperty] = 1L }
                        : new TableEntity(item.p, r.Key) { ["Count"] = r.Count })),
                token);

            // The same counters in the rollup, through its own store (its row layout, its version rule).
            var partition = new TipPartition(item.p[..item.p.IndexOf('-', StringComparison.Ordinal)], WeekId.Parse(item.p[(item.p.IndexOf('-', StringComparison.Ordinal) + 1)..], null));
            await rollup.WriteAsync(
                new WeekCounters(partition, 1, [.. rows.Select(r => TipRowKeys.ParseCounter(r.Key)).Zip(rows, (k, r) => new WeekCounters.Counter(k.Kind, k.Theme, r.Count))]),
                token);
            Interlocked.Add(ref seeded, count);
        });

        var filler = string.Concat(Enumerable.Repeat("Fyllnadsrad för mätningen, lika lång som ett vanligt tips. ", 3))[..120];
        var perPartition = fillerRows / partitions.Count;
        await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (partition, token) =>
        {
            var rows = Enumerable.Range(0, perPartition).Select(i => new TableEntity(partition, $"0{i:D9}") { ["Text"] = filler, ["Themes"] = "other", ["Kind"] = "tip" });
            foreach (var batch in rows.Chunk(100))
            {
                await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token);
            }
        });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded counters for {seeded} tips in {partitions.Count} partitions ({from} to {to}), {perPartition * partitions.Count} filler tip rows"));
        return 0;
    }

    private static int[] Split(int total, int parts)
    {
        var shares = new int[parts];
        for (var i = 0; i < parts; i++)
        {
            shares[i] = total / parts + (i < total % parts ? 1 : 0);
        }

        return shares;
    }
}
