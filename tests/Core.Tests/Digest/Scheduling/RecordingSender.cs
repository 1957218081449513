using System.Collections.Concurrent;
using Grastorp.Intake.Core.Digest.Delivery;
using Grastorp.Intake.Core.Digest.Message;

namespace Grastorp.Intake.Core.Tests.Digest.Scheduling;

/// <summary>A sender that keeps what it was given, optionally failing the first calls or holding each send a moment.</summary>
internal sealed class RecordingSender(int failFirst = 0, TimeSpan? hold = null) : IDigestSender
{
    private readonly ConcurrentQueue<DigestMessage> _sent = new();
    private int _calls;

    public IReadOnlyList<DigestMessage> Sent => [.. _sent];

    public IReadOnlyList<string> Names => [.. _sent.Select(m => m.Name)];

    public async Task SendAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) <= failFirst)
        {
            throw new IOException("mail server down");
        }

        if (hold is { } delay)
        {
            // Long enough for the other firings to reach their claim while this one holds it.
            await Task.Delay(delay, cancellationToken);
        }

        _sent.Enqueue(message);
    }
}
