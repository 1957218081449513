using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Grastorp.Intake.Core.Tests.Digest.Delivery;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 and a free port, answering each message's DATA with
/// the next scripted reply (then 250), and keeping every message it accepted with its envelope recipients.
/// </summary>
internal sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store;
    private readonly Task _running;

    private TestSmtpServer(Store store, Task running, int port)
    {
        _store = store;
        _running = running;
        Port = port;
    }

    public int Port { get; }

    public IReadOnlyList<(MimeMessage Message, IReadOnlyList<string> Recipients)> Accepted => [.. _store.Accepted];

    /// <summary>Every DATA the server answered, accepted or not.</summary>
    public int Attempts => _store.Attempts;

    public static Task<TestSmtpServer> StartAsync(params SmtpResponse[] script) => StartAsync(0, script);

    /// <summary>On a port chosen before (0: any free one), e.g. where a client already failed to connect.</summary>
    public static async Task<TestSmtpServer> StartAsync(int port, params SmtpResponse[] script)
    {
        var store = new Store(script);
        var listeners = new EndpointListenerFactory();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        services.Add(listeners);
        var server = new SmtpServer.SmtpServer(options, services);
        var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        var bound = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var instance = new TestSmtpServer(store, running, bound);
        instance._stop.Token.Register(stop.Cancel);
        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(IEnumerable<SmtpResponse> script) : MessageStore
    {
        private readonly ConcurrentQueue<SmtpResponse> _script = new(script);
        private int _attempts;

        public ConcurrentQueue<(MimeMessage, IReadOnlyList<string>)> Accepted { get; } = new();

        public int Attempts => _attempts;

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            if (_script.TryDequeue(out var scripted))
            {
                return scripted;
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            Accepted.Enqueue((message, [.. transaction.To.Select(m => $"{m.User}@{m.Host}")]));
            return SmtpResponse.Ok;
        }
    }
}
