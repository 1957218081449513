namespace Grastorp.Intake.DevHost.Tests.Faults;

/// <summary>
/// SIGTERM (a terminal's Ctrl+C, a container stop, the bench scripts) stops the DevHost cleanly: exit code 0, no
/// unhandled exception, whether storage is still there or already gone.
/// </summary>
public sealed class GracefulStopTests : IAsyncLifetime
{
    private readonly DiskAzurite _azurite = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _azurite.StartAsync();

    public async ValueTask DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task A_DevHost_told_to_stop_after_storage_went_away_exits_with_0()
    {
        await using var host = new DevHostProcess(_azurite.ConnectionString);
        await host.StartAsync(Cancel);
        // Time for the timers' listeners to take their singleton leases, which the stop then fails to release.
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        await _azurite.StopAsync();

        var exitCode = await host.TerminateAsync();

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(host.Lines, line => line.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_DevHost_told_to_stop_with_storage_there_exits_with_0()
    {
        await using var host = new DevHostProcess(_azurite.ConnectionString);
        await host.StartAsync(Cancel);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);

        var exitCode = await host.TerminateAsync();

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(host.Lines, line => line.Contains("Unhandled exception", StringComparison.Ordinal));
    }
}
