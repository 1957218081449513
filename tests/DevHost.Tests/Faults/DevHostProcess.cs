using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Grastorp.Intake.DevHost.Tests.Faults;

/// <summary>
/// The DevHost as a process of its own (its build output, run with <c>dotnet</c>), so a test can kill it the way a
/// machine dies: SIGKILL by PID, no shutdown, no finally blocks. Its console output is kept for the test to read.
/// </summary>
/// <remarks>
/// <paramref name="arguments"/> are configuration on the command line (<c>--Key=value</c>): configuration alone, where an
/// environment variable of the same name would also reach libraries that read the environment themselves.
/// </remarks>
internal sealed class DevHostProcess(
    string connectionString, IReadOnlyDictionary<string, string>? settings = null, IReadOnlyList<string>? arguments = null) : IAsyncDisposable
{
    private static readonly string Output = typeof(DevHostProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DevHostOutput").Value!;

    private readonly ConcurrentQueue<string> _lines = new();
    private readonly string _pickup = Directory.CreateTempSubdirectory("digests-").FullName;
    private Process? _process;

    public IReadOnlyCollection<string> Lines => _lines;

    public HttpClient Client { get; private set; } = new();

    public int Id => _process?.Id ?? throw new InvalidOperationException("Not started.");

    /// <summary>Starts the DevHost on a free loopback port and waits (at most a minute) until it serves its form.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Output, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Output, "Grastorp.Intake.DevHost.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["Digest__PickupDirectory"] = _pickup;
        start.Environment["extensions__queues__visibilityTimeout"] = "00:00:00";
        start.Environment["extensions__queues__maxPollingInterval"] = "00:00:00.500";
        // One client posts every tip: far above what a test sends, as DevHostFactory sets (RateLimitTests set low ones).
        start.Environment["RateLimit__PerTenMinutes"] = "1000";
        start.Environment["RateLimit__ChecksPerTenMinutes"] = "10000";
        start.Environment["RateLimit__LookupsPerTenMinutes"] = "1000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The DevHost exited with {_process.ExitCode}:\n{string.Join('\n', _lines.TakeLast(40))}");
            }

            try
            {
                if ((await Client.GetAsync("/", cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The DevHost did not answer within a minute:\n{string.Join('\n', _lines.TakeLast(40))}");
    }

    /// <summary>SIGSTOP: the process stands still where it is (a test looks at storage meanwhile); <see cref="ResumeAsync"/> lets it go on.</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    public Task ResumeAsync() => SignalAsync("CONT");

    /// <summary>SIGTERM, as Ctrl+C or a container stop sends it: waits (at most a minute) for the process to end, returns its exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        var process = _process ?? throw new InvalidOperationException("Not started.");
        await SignalAsync("TERM");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>SIGKILL: the process stops wherever it is, as when a machine loses power.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        Client.Dispose();
        Directory.Delete(_pickup, recursive: true);
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await kill.WaitForExitAsync(timeout.Token);
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
