using System.Globalization;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Tips.Store.Rows;

namespace Grastorp.Intake.Ceiling;

/// <summary>
/// After a drain: every enqueued reference is a tip row exactly once, and the partitions' all-tips counters add up to
/// the number enqueued. Exit code 0 only if both hold. With <c>--bare</c>, the bare consumer's table (no counters).
/// </summary>
internal static class CountCheck
{
    public static async Task<int> RunAsync(string[] args)
    {
        var expected = File.ReadAllLines(args[0]).ToHashSet(StringComparer.Ordinal);
        var bare = args.Contains("--bare");
        var table = Storage.Table(bare ? "BareTips" : "Tips");
        var tipRows = new Dictionary<string, int>(StringComparer.Ordinal);
        long counted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey lt {TipRowKeys.CounterPrefix} or RowKey eq {TipRowKeys.TipsCounter}"), select: ["RowKey", "Count"]))
        {
            if (row.RowKey == TipRowKeys.TipsCounter)
            {
                counted += row.GetInt32("Count") ?? 0;
            }
            else
            {
                tipRows[row.RowKey] = tipRows.GetValueOrDefault(row.RowKey) + 1;
            }
        }

        var missing = expected.Count(r => !tipRows.ContainsKey(r));
        var twice = tipRows.Count(r => r.Value > 1);
        var unknown = tipRows.Keys.Count(r => !expected.Contains(r));
        var ok = missing == 0 && twice == 0 && unknown == 0 && (bare || counted == expected.Count);
        var counters = bare ? "no counters (bare)" : $"counters sum to {counted}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check{(bare ? " bare" : "")}: {expected.Count} enqueued, {tipRows.Count} stored, {missing} missing, {twice} stored twice, {unknown} unknown; {counters}: {(ok ? "OK" : "FAILED")}"));
        return ok ? 0 : 1;
    }
}
