using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Grastorp.Intake.DevHost.Tests.Faults;

/// <summary>
/// An Azurite of the test's own, with its data on disk and on free ports, that a test can kill and start again on
/// the same folder: a storage outage at a point the test chooses. Started through scripts/azurite.sh, as test.sh does.
/// </summary>
internal sealed class DiskAzurite : IAsyncDisposable
{
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

    public bool IsRunning { get; private set; }

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
