using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Poisoning;
using Grastorp.Intake.Core.Themes;
using Grastorp.Intake.Core.Tips.Processing;
using Grastorp.Intake.Core.Tips.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace Grastorp.Intake.Core.Tests.Poisoning;

/// <summary>Each poisoning is recorded when it happens, so the digest can count it (against Azurite).</summary>
public sealed class PoisonLedgerTests : IDisposable
{
    private static readonly WeekId Week48 = new(2026, 48);
    private readonly ServiceProvider _services = IntakeTestServices.Create(IntakeTestServices.InWeek48(), configure: s => s.AddSingleton<ITipClassifier, FailingClassifier>());

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private PoisonLedger Register => _services.GetRequiredService<PoisonLedger>();

    [Fact]
    public async Task An_unreadable_message_is_counted_in_its_week()
    {
        var outcome = await _services.GetRequiredService<TipProcessor>().ProcessAsync("not json", "m-1", 1, Token);

        Assert.Equal(ProcessOutcome.Poisoned, outcome);
        Assert.Equal(1, await Register.CountAsync(Week48, Token));
        Assert.Equal(0, await Register.CountAsync(Week48.Next(), Token));
    }

    [Fact]
    public async Task A_failure_on_the_last_try_before_the_host_poisons_is_counted_and_still_thrown()
    {
        var processor = _services.GetRequiredService<TipProcessor>();
        var message = TipMessageCodec.Encode(TipMessage.From(TipFactory.Tip("Knark vid skolan", new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero))));

        for (var dequeue = 1; dequeue < PoisonLedger.HostMaxDequeueCount; dequeue++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => processor.ProcessAsync(message, "m-2", dequeue, Token));
        }

        Assert.Equal(0, await Register.CountAsync(Week48, Token));
        await Assert.ThrowsAsync<InvalidOperationException>(() => processor.ProcessAsync(message, "m-2", PoisonLedger.HostMaxDequeueCount, Token));
        Assert.Equal(1, await Register.CountAsync(Week48, Token));
    }

    [Fact]
    public async Task The_same_message_recorded_twice_counts_once()
    {
        await Register.RecordAsync("m-3", 5, "unreadable", Token);
        await Register.RecordAsync("m-3", 5, "unreadable", Token);

        Assert.Equal(1, await Register.CountAsync(Week48, Token));
    }

    [Fact]
    public void The_count_matches_the_hosts_max_dequeue_count_in_host_json()
    {
        var root = System.Text.Json.JsonDocument.Parse(File.ReadAllText(FindUp("host.json"))).RootElement;
        Assert.Equal(PoisonLedger.HostMaxDequeueCount, root.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32());
    }

    private static string FindUp(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name);
    }

    public void Dispose() => _services.Dispose();

    private sealed class FailingClassifier : ITipClassifier
    {
        public IReadOnlyList<string> Themes => [Theme.Other];

        public TipClassification Classify(string text) => throw new InvalidOperationException("classifier down");
    }
}
