using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Counting.Rows;

namespace Grastorp.Intake.Ceiling;

/// <summary>
/// The emulator's share of a stats query: N point reads of one counter row and N reads of one partition's counter
/// range (what stats does per municipality and week), timed one after the other on the same table.
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
        var entities = 0;
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
        }

        static string Describe(List<double> ms)
        {
            ms.Sort();
            return string.Create(CultureInfo.InvariantCulture, $"median {ms[ms.Count / 2]:0.0} ms, max {ms[^1]:0.0} ms");
        }

        Console.WriteLine($"point read of one counter row ({n}x): {Describe(point)}");
        Console.WriteLine($"range read of one partition's counters, {entities} entities ({n}x): {Describe(range)}");
        return 0;
    }
}
