using System.Diagnostics;
using System.Globalization;

namespace Grastorp.Intake.Ceiling;

/// <summary>
/// Times a drain from outside the consumer: from the first message taken (the queue's count falls below N) to an
/// empty queue (a message counts until it is deleted), polling every 250 ms, for at most the given seconds.
/// </summary>
internal static class DrainWatch
{
    public static async Task<int> RunAsync(string[] args)
    {
        var n = int.Parse(args[0], CultureInfo.InvariantCulture);
        var limit = TimeSpan.FromSeconds(int.Parse(args[1], CultureInfo.InvariantCulture));
        var queue = Storage.Queue("tips");
        var clock = Stopwatch.StartNew();
        TimeSpan? started = null;
        while (clock.Elapsed < limit)
        {
            var left = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            started ??= left < n ? clock.Elapsed : null;
            if (left == 0 && started is { } from)
            {
                var seconds = (clock.Elapsed - from).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drained {n} tips in {seconds:0.0} s = {n / seconds:0} tips/s (to within 0.25 s)"));
                return 0;
            }

            await Task.Delay(250);
        }

        Console.WriteLine($"not drained within {limit.TotalSeconds} s");
        return 1;
    }
}
