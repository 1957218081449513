using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Grastorp.Intake.DevHost.Tests.Running;

/// <summary>
/// README's run command as a newcomer uses it: <c>./run.sh</c> starts Azurite and the DevHost, a signal stops both,
/// and the same ports are free for the next start; a wrong setting is one line naming it.
/// </summary>
public sealed class RunCommandTests
{
    private static readonly string DevHostOutput = typeof(RunCommandTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DevHostOutput").Value!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_sh_stops_Azurite_and_the_DevHost_on_SIGTERM_and_starts_again_on_the_same_ports()
    {
        var data = Directory.CreateTempSubdirectory("run-sh-");
        var ports = FreePorts(4);
        try
        {
            for (var round = 1; round <= 2; round++)
            {
                using var run = new ScriptRun(ports, data.FullName);
                await run.WaitForAsync("Now listening on", TimeSpan.FromMinutes(5));
                using (var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[3]}/") })
                {
                    Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Cancel)).StatusCode);
                }

                var azurite = int.Parse(await File.ReadAllTextAsync(Path.Combine(data.FullName, "azurite.pid"), Cancel), System.Globalization.CultureInfo.InvariantCulture);
                run.Signal("TERM");
                var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(1));

                Assert.Equal(143, exit);
                // The script killed it; the kernel reaps it once its new parent notices, a moment later.
                var gone = Stopwatch.StartNew();
                while (IsAlive(azurite) && gone.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await Task.Delay(100, Cancel);
                }

                Assert.False(IsAlive(azurite), $"round {round}: Azurite ({azurite}) is still running");
                Assert.All(ports, port => Assert.True(IsFree(port), $"round {round}: port {port} is still taken"));
                Assert.DoesNotContain(run.Lines, line => line.Contains("No such file or directory", StringComparison.Ordinal));
            }
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_wrong_setting_stops_the_DevHost_with_one_line_naming_it_and_exit_code_2()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = DevHostOutput, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(DevHostOutput, "Grastorp.Intake.DevHost.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{FreePorts(1)[0]}");
        start.ArgumentList.Add("--Retention:Days=5");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Cancel);
        var stderr = process.StandardError.ReadToEndAsync(Cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var errorLines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(errorLines);
        Assert.StartsWith("Configuration error:", line, StringComparison.Ordinal);
        Assert.Contains("Retention", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await stdout, StringComparison.Ordinal);
    }

    /// <summary>Running, not merely a zombie waiting for a parent that may never reap it (PID 1 in a container).</summary>
    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            // "pid (comm) S ...": the state is the first field after the command's closing parenthesis.
            return text[(text.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool IsFree(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>Blob, queue, table and the DevHost: ports nobody listens on, held apart until all are chosen.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    /// <summary>One <c>bash run.sh</c> from the repository root, its output kept, stopped by PID if a test fails.</summary>
    private sealed class ScriptRun : IDisposable
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly Process _process;

        public ScriptRun(int[] ports, string data)
        {
            var root = RepositoryRoot();
            var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(root, "run.sh"));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{ports[3]}");
            start.Environment["AZURITE_BLOB_PORT"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["AZURITE_QUEUE_PORT"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["AZURITE_TABLE_PORT"] = ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["AZURITE_DATA"] = data;
            // As on a newcomer's machine: Azurite's own development account, not the test run's accounts.
            start.Environment.Remove("AZURITE_ACCOUNTS");
            // The test run built the DevHost already; a second build beside the running tests would only be slow.
            start.Environment["INTAKE_NO_BUILD"] = "1";
            start.Environment["Digest__PickupDirectory"] = Path.Combine(data, "digests");
            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, e) => Keep(e.Data);
            _process.ErrorDataReceived += (_, e) => Keep(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public IReadOnlyCollection<string> Lines => _lines;

        public async Task WaitForAsync(string text, TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            while (!_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                Assert.False(_process.HasExited, $"run.sh exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{string.Join('\n', _lines.TakeLast(30))}");
                Assert.True(clock.Elapsed < limit, $"No '{text}' after {limit}:\n{string.Join('\n', _lines.TakeLast(30))}");
                await Task.Delay(250, Cancel);
            }
        }

        public void Signal(string signal)
        {
            using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        public async Task<int> WaitForExitAsync(TimeSpan limit)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            timeout.CancelAfter(limit);
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                // Only if the test failed half-way: the script's trap then stops Azurite as well.
                Signal("TERM");
                _process.WaitForExit(TimeSpan.FromSeconds(30));
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        private static string RepositoryRoot()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Grastorp.Intake.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("No Grastorp.Intake.sln above " + AppContext.BaseDirectory);
        }

        private void Keep(string? line)
        {
            if (line is not null)
            {
                _lines.Enqueue(line);
            }
        }
    }
}
