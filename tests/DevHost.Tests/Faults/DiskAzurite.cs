using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Grastorp.Intake.DevHost.Tests.Faults;

/// <summary>
/// An Azurite of the test's own, with its data on disk and on free ports, that a test can kill and start again on
/// the same folder: a storage outage at a point the test chooses. Started through scripts/azurite.sh, as test.sh does.
/// Its clock can be moved forward (libfaketime reading an offset file), so what waits on storage's own time (a
/// message hidden for ten minutes by a host that died) comes due without the test waiting.
/// </summary>
internal sealed class DiskAzurite : IAsyncDisposable
{
    private const string FakeTimeLibrary = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";

    private const string Account = "faults";

    private readonly string _root = FindRoot();
    private readonly string _data = Directory.CreateTempSubdirectory("azurite-faults-").FullName;
    private readonly int[] _ports = [FreePort(), FreePort(), FreePort()];
    private readonly string _key = Environment.GetEnvironmentVariable("INTAKE_TEST_STORAGE_KEY")
        ?? throw new InvalidOperationException("No test key: run the tests with ./test.sh.");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={_key};" +
        $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/{Account};QueueEndpoint=http://127.0.0.1:{_ports[1]}/{Account};TableEndpoint=http://127.0.0.1:{_ports[2]}/{Account};";

    private string PidFile => Path.Combine(_data, "azurite.pid");

    private string ClockFile => Path.Combine(_data, "clock-offset");

    /// <summary>
    /// Moves Azurite's clock <paramref name="offset"/> ahead of real time (from now on; libfaketime re-reads the
    /// file every second, so the test waits two). Needs Debian's faketime package (.ci/run installs it).
    /// </summary>
    public async Task MoveClockAsync(TimeSpan offset)
    {
        await File.WriteAllTextAsync(ClockFile, $"+{(long)offset.TotalSeconds}s");
        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    public bool IsRunning { get; private set; }

    public static bool CanMoveClock => File.Exists(FakeTimeLibrary);

    /// <summary>Starts Azurite on the same folder and ports; does nothing if it runs.</summary>
    public async Task StartAsync()
    {
        if (!IsRunning)
        {
            await RunScriptAsync("start", Path.Combine(_data, "db"), PidFile);
            IsRunning = true;
        }
    }

    /// <summary>Kills Azurite: to the host, storage is gone.</summary>
    public async Task StopAsync()
    {
        await RunScriptAsync("stop", PidFile);
        IsRunning = false;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_data, recursive: true);
    }

    private async Task RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(_root, "scripts", "azurite.sh")) { WorkingDirectory = _root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AZURITE_BLOB_PORT"] = _ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AZURITE_QUEUE_PORT"] = _ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AZURITE_TABLE_PORT"] = _ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AZURITE_ACCOUNTS"] = $"{Account}:{_key}";
        if (File.Exists(FakeTimeLibrary))
        {
            if (!File.Exists(ClockFile))
            {
                await File.WriteAllTextAsync(ClockFile, "+0s");
            }

            start.Environment["LD_PRELOAD"] = FakeTimeLibrary;
            start.Environment["FAKETIME_TIMESTAMP_FILE"] = ClockFile;
            start.Environment["FAKETIME_CACHE_DURATION"] = "1";
            // Timers and sleeps keep real time; only the wall clock (message visibility, lease expiry) moves.
            start.Environment["FAKETIME_DONT_FAKE_MONOTONIC"] = "1";
        }
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"azurite.sh {arguments[0]} failed: {await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "azurite.sh")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("scripts/azurite.sh not found above the test's folder.");
    }
}
