using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Storage;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace Grastorp.Intake.DevHost.Tests.Faults;

/// <summary>
/// Storage that answers, only slowly (Azurite holding 10,000 messages on a busy machine): the queue listener waits
/// for the answer. Given up after Core's 5 s, a delete or release after the function leaves the message invisible
/// for the rest of WebJobs' 10-minute lease, which is what stalled the drain benchmark (bench/RESULTS.md).
/// </summary>
public sealed class SlowStorageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_queue_listeners_delete_waits_for_a_storage_that_answers_after_six_seconds_and_is_sent_once()
    {
        using var storage = new SlowStorage(TimeSpan.FromSeconds(6));
        await using var host = new DevHostFactory();
        // The factory the WebJobs queue extension builds its listener's clients with.
        var factory = host.Services.GetRequiredService<AzureComponentFactory>();
        var options = (QueueClientOptions)factory.CreateClientOptions(typeof(QueueClientOptions), null, new ConfigurationBuilder().Build());
        var queue = new QueueClient(
            new Uri($"http://127.0.0.1:{storage.Port}/devstoreaccount1/tips"),
            new StorageSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])),
            options);

        var deleted = await queue.DeleteMessageAsync("0f4b6c1e-6d36-4d0c-9a52-3c3f2f4c1b11", "AgAAAAMAAAAAAAAA", Cancel);

        Assert.Equal(204, deleted.Status);
        Assert.Equal(1, storage.Requests); // no try given up and sent again
    }

    [Fact]
    public async Task The_listeners_other_clients_keep_the_short_budget_of_a_residents_request()
    {
        await using var host = new DevHostFactory();
        var factory = host.Services.GetRequiredService<AzureComponentFactory>();
        var configuration = new ConfigurationBuilder().Build();

        var blob = (Azure.Core.ClientOptions)factory.CreateClientOptions(typeof(Azure.Storage.Blobs.BlobClientOptions), null, configuration);

        Assert.Equal(Grastorp.Intake.Core.Storage.StorageRetry.NetworkTimeout, blob.Retry.NetworkTimeout);
    }

    /// <summary>A loopback HTTP server that answers every request with 204 after a delay, and counts them.</summary>
    private sealed class SlowStorage : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly TimeSpan _delay;
        private int _requests;

        public SlowStorage(TimeSpan delay)
        {
            _delay = delay;
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    _ = AnswerAsync(client);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped.
            }
        }

        private async Task AnswerAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var buffer = new byte[16 * 1024];
                    var seen = new StringBuilder();
                    while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var read = await stream.ReadAsync(buffer, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    Interlocked.Increment(ref _requests);
                    await Task.Delay(_delay, _stop.Token);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nx-ms-version: 2025-01-05\r\n\r\n"), _stop.Token);
                    await Task.Delay(Timeout.Infinite, _stop.Token); // keep the connection open, as storage does
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
                {
                    // The client gave up or the server stopped.
                }
            }
        }
    }
}
