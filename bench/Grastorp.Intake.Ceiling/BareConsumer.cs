using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Queue;

namespace Grastorp.Intake.Ceiling;

/// <summary>
/// The least a queue consumer can do per tip: dequeue (32 at a time), one table insert, delete. Two receive loops
/// with their batches handled concurrently, about the 16 + 8 messages in flight that the DevHost's host.json allows.
/// It runs until the queue is empty (no message left, visible or leased) or the time limit, and is timed from outside
/// by <see cref="DrainWatch"/> like the DevHost.
/// </summary>
/// <remarks>
/// It used to stop when N inserts had succeeded. An insert whose first try timed out but landed is retried by the SDK
/// and answered 409, so it counted as a duplicate, never as stored, and the consumer polled an empty queue until its
/// 10-minute limit; then the cancelled delay threw. Now the queue, not a count, says when it is done, a 409 is a tip
/// already stored, and one message's failure leaves that message to come back (30 s) instead of ending the loop.
/// </remarks>
internal static class BareConsumer
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var limit = TimeSpan.FromSeconds(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 900);
        var queue = Storage.Queue("tips");
        var table = Storage.Table("BareTips");
        await table.CreateIfNotExistsAsync();
        var stored = 0;
        var already = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(limit);
        var drained = false;

        async Task HandleAsync(QueueMessage message)
        {
            try
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
                    Interlocked.Increment(ref already);
                }

                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stop.Token);
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or TimeoutException or TaskCanceledException && !stop.IsCancellationRequested)
            {
                // Leave the message leased: it comes back after the lease and is handled again (a 409 then).
                Interlocked.Increment(ref failed);
            }
        }

        async Task LoopAsync()
        {
            while (!Volatile.Read(ref drained) && !stop.IsCancellationRequested)
            {
                var batch = (await queue.ReceiveMessagesAsync(32, Lease, stop.Token)).Value;
                if (batch.Length > 0)
                {
                    await Task.WhenAll(batch.Select(HandleAsync));
                }
                else if ((await queue.GetPropertiesAsync(stop.Token)).Value.ApproximateMessagesCount == 0)
                {
                    Volatile.Write(ref drained, true);
                }
                else
                {
                    await Task.Delay(100, stop.Token);
                }
            }
        }

        try
        {
            await Task.WhenAll(LoopAsync(), LoopAsync());
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The limit: report what was done.
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bare consumer: {(drained ? "queue empty" : $"NOT drained within {limit.TotalSeconds} s")}; {stored} inserted, {already} already stored (409), {failed} failed and left to come back; {seconds:0.0} s from its start; CPU {cpu / Math.Max(1, stored + already):0.00} ms per tip (start-up included)"));
        return drained ? 0 : 1;
    }
}
