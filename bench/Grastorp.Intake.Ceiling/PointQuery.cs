using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Tips.Store.Rows;
using Grastorp.Intake.Core.Storage;

namespace Grastorp.Intake.Ceiling;

/// <summary>
/// The emulator's share of a stats query: N point reads of one counter row and N reads of one partition's counter
/// range (what stats did per municipality and week before the rollup), and in the rollup table a point read of one
/// week's row and the range read of one municipality's year (what stats does now), timed one after the other.
/// </summary>
internal static class PointQuery
{
    public static async Task<int> RunAsync(string[] args)
    {
        var n = int.Parse(args[0], CultureInfo.InvariantCulture);
        var table = Storage.Table("Tips");
        var partition = $"grastorp-{SwedishTime.WeekOf(TimeProvider.System.GetUtcNow())}";
        var point = new List<double>();
        var range = new List<double>();
        var rollupPoint = new List<double>();
        var rollupYear = new List<double>();
        var entities = 0;
        var yearEntities = 0;
        var rollup = Storage.Table(new StorageOptions().RollupTable);
        var thisWeek = SwedishTime.WeekOf(TimeProvider.System.GetUtcNow());
        var yearAgo = thisWeek;
        for (var i = 0; i < 52; i++)
        {
            yearAgo = yearAgo.Previous();
        }
        for (var i = 0; i < n; i++)
        {
            var clock = Stopwatch.StartNew();
            await table.GetEntityAsync<TableEntity>(partition, TipRowKeys.TipsCounter);
            point.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            entities = 0;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {TipRowKeys.CounterPrefix} and RowKey lt {TipRowKeys.CounterEnd}");
            await foreach (var unused in table.QueryAsync<TableEntity>(filter))
            {
                entities++;
            }

            range.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            await rollup.GetEntityAsync<TableEntity>("grastorp", thisWeek.ToString());
            rollupPoint.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            yearEntities = 0;
            var year = TableClient.CreateQueryFilter($"PartitionKey eq {"grastorp"} and RowKey ge {yearAgo.ToString()} and RowKey le {thisWeek.ToString()}");
            await foreach (var unused in rollup.QueryAsync<TableEntity>(year))
            {
                yearEntities++;
            }

            rollupYear.Add(clock.Elapsed.TotalMilliseconds);
        }

        static string Describe(List<double> ms)
        {
            ms.Sort();
            return string.Create(CultureInfo.InvariantCulture, $"median {ms[ms.Count / 2]:0.0} ms, max {ms[^1]:0.0} ms");
        }

        Console.WriteLine($"point read of one counter row ({n}x): {Describe(point)}");
        Console.WriteLine($"range read of one partition's counters, {entities} entities ({n}x): {Describe(range)}");
        Console.WriteLine($"rollup: point read of one week's row ({n}x): {Describe(rollupPoint)}");
        Console.WriteLine($"rollup: range read of one municipality's year, {yearEntities} entities ({n}x): {Describe(rollupYear)}");
        return 0;
    }
}
