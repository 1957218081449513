using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Grastorp.Intake.Infra.Tests;

/// <summary>infra/smoke.sh against a stand-in app on 127.0.0.1: it passes a guarded app and fails one that trusts a forged principal.</summary>
public sealed class SmokeScriptTests
{
    [Fact]
    public async Task A_guarded_app_passes_every_check()
    {
        await using var app = StandInApp.Start(trustsPrincipalHeader: false);
        var (exitCode, output) = await RunSmokeAsync(app.Url);
        Assert.True(exitCode == 0, output);
        Assert.Contains("6 passed, 0 failed", output);
    }

    [Fact]
    public async Task An_app_that_trusts_a_forged_principal_fails()
    {
        await using var app = StandInApp.Start(trustsPrincipalHeader: true);
        var (exitCode, output) = await RunSmokeAsync(app.Url);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("FAIL  forged Kommunpolis principal on the staff page is refused: got 200", output);
        Assert.Contains("ok    anonymous staff page is refused: 302", output);
    }

    [Fact]
    public async Task An_app_without_its_form_fails()
    {
        await using var app = StandInApp.Start(trustsPrincipalHeader: false, formAnswers: HttpStatusCode.ServiceUnavailable);
        var (exitCode, output) = await RunSmokeAsync(app.Url);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("FAIL  form page answers: got 503", output);
    }

    private static async Task<(int ExitCode, string Output)> RunSmokeAsync(string url)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(BuildPaths.Infra, "smoke.sh"));
        start.ArgumentList.Add(url);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>
    /// Answers like the deployed app would: the form and tip status are public; the staff routes redirect to sign-in (page) or answer
    /// 401 (API), unless <c>trustsPrincipalHeader</c> makes it believe any X-MS-CLIENT-PRINCIPAL, as an app without
    /// built-in authentication in front of it would.
    /// </summary>
    private sealed class StandInApp : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        private StandInApp(bool trustsPrincipalHeader, HttpStatusCode formAnswers)
        {
            Url = $"http://127.0.0.1:{FreePort()}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _serving = ServeAsync(trustsPrincipalHeader, formAnswers);
        }

        public string Url { get; }

        public static StandInApp Start(bool trustsPrincipalHeader, HttpStatusCode formAnswers = HttpStatusCode.OK) =>
            new(trustsPrincipalHeader, formAnswers);

        private async Task ServeAsync(bool trustsPrincipalHeader, HttpStatusCode formAnswers)
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var path = context.Request.Url!.AbsolutePath;
                var signedIn = trustsPrincipalHeader && context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] is not null;
                if (path == "/")
                {
                    context.Response.StatusCode = (int)formAnswers;
                }
                else if (path.StartsWith("/api/tips/", StringComparison.Ordinal))
                {
                    context.Response.StatusCode = 404;
                }
                else if (signedIn)
                {
                    context.Response.StatusCode = 200;
                }
                else if (path.StartsWith("/api/", StringComparison.Ordinal))
                {
                    context.Response.StatusCode = 401;
                }
                else
                {
                    context.Response.StatusCode = 302;
                    context.Response.RedirectLocation = "/.auth/login/aad";
                }

                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _serving;
        }
    }
}
