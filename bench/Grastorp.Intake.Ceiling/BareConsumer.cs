using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Queue;

namespace Grastorp.Intake.Ceiling;

/// <summary>
/// The least a queue consumer can do per tip: dequeue (32 at a time), one table insert, delete. Two receive loops
/// with their batches handled concurrently, about the 16 + 8 messages in flight that the DevHost's host.json allows.
/// </summary>
internal static class BareConsumer
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var wanted = int.Parse(args[0], CultureInfo.InvariantCulture);
        var queue = Storage.Queue("tips");
        var table = Storage.Table("BareTips");
        await table.CreateIfNotExistsAsync();
        var stored = 0;
        var duplicates = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(Limit);

        async Task LoopAsync()
        {
            while (Volatile.Read(ref stored) < wanted && !stop.IsCancellationRequested)
            {
                var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), stop.Token)).Value;
                if (batch.Length == 0)
                {
                    await Task.Delay(100, stop.Token);
                    continue;
                }

                await Task.WhenAll(batch.Select(async message =>
                {
                    var tip = TipMessageCodec.Decode(message.MessageText);
                    var partition = TipPartition.Of(tip.Municipality, tip.ReceivedAt);
                    try
                    {
                        await table.AddEntityAsync(new TableEntity(partition.Key, tip.Reference) { ["Text"] = tip.Text }, stop.Token);
                        Interlocked.Increment(ref stored);
                    }
                    catch (RequestFailedException e) when (e.Status == 409)
                    {
                        Interlocked.Increment(ref duplicates);
                    }

                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stop.Token);
                }));
            }
        }

        await Task.WhenAll(LoopAsync(), LoopAsync());
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bare consumer: {stored} stored ({duplicates} duplicates) in {seconds:0.0} s = {stored / seconds:0} tips/s"));
        return stored == wanted ? 0 : 1;
    }
}
