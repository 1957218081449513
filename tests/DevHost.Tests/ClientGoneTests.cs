using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>
/// A client that sends its body too slowly, or hangs up halfway, over a real socket to the DevHost on Kestrel: not an
/// application failure. The line is Debug, never "An unhandled exception was thrown by the application", and a client
/// still there gets 408.
/// </summary>
public sealed class ClientGoneTests : IAsyncDisposable
{
    private readonly DevHostFactory _host = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Uri Start()
    {
        // Kestrel allows no grace period of a second or less; two seconds catch a stalled body quickly.
        _host.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(2));
        });
        _host.StartServer();
        return new Uri(_host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>Headers promising 2000 bytes of JSON, then only the first few.</summary>
    private static async Task<TcpClient> StartBodyAsync(Uri address)
    {
        var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, Token);
        var head = string.Create(CultureInfo.InvariantCulture,
            $"POST /api/tips HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{{\"text\":\"Det langas");
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head), Token);
        return client;
    }

    private bool Noted() => _host.Logs.Lines.Any(l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("The client went away or was too slow", StringComparison.Ordinal));

    private void AssertNoFailure() =>
        Assert.DoesNotContain(_host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)
            || l.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task A_body_that_stalls_gets_408_and_a_debug_line_not_a_failure()
    {
        var address = Start();
        using var client = await StartBodyAsync(address);

        // The body never comes; Kestrel's minimum data rate ends the wait and the function's caller answers.
        var buffer = new byte[4096];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var read = await client.GetStream().ReadAsync(buffer, timeout.Token);
        var answer = Encoding.ASCII.GetString(buffer, 0, read);

        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        await Eventually.GetAsync(() => Task.FromResult(Noted()), noted => noted, TimeSpan.FromSeconds(10));
        Assert.True(Noted(), string.Join('\n', _host.Logs.Lines.Where(l => l.Contains("HttpFaults", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal))));
        AssertNoFailure();
    }

    [Fact]
    public async Task A_client_that_hangs_up_halfway_leaves_a_debug_line_not_a_failure()
    {
        var address = Start();
        using (var client = await StartBodyAsync(address))
        {
            // Let the function start reading, then reset the connection.
            await Task.Delay(300, Token);
            client.Client.LingerState = new LingerOption(true, 0);
        }

        await Eventually.GetAsync(() => Task.FromResult(Noted()), noted => noted, TimeSpan.FromSeconds(10));
        Assert.True(Noted());
        AssertNoFailure();
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
