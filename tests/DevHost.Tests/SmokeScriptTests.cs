using System.Diagnostics;
using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.DevHost.Tests.Faults;
using Grastorp.Intake.TestKit;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>
/// infra/smoke.sh against the real DevHost, run as its own process on a loopback port and standing in for the platform:
/// its sign-in page's cookie plays built-in authentication's session, and an X-Forwarded-For entry per client plays the
/// front end. A deployment that works passes every check; one whose app counts every client as the front end fails.
/// </summary>
public sealed class SmokeScriptTests
{
    private const string ClientA = "198.51.100.10";
    private const string ClientB = "198.51.100.20";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Behind the platform's front end, as the app is told it is in Azure (today's and the coming setting).</summary>
    private static readonly string[] BehindFrontEnd = ["--WEBSITE_INSTANCE_ID=smoke-test", "--RateLimit:BehindFrontEnd=true"];

    [Fact]
    public async Task A_working_deployment_passes_every_check_it_is_given()
    {
        await using var host = new DevHostProcess(AzuriteAccounts.NewConnectionString(), LowLookupLimit, BehindFrontEnd);
        await host.StartAsync(Cancel);

        var (exitCode, output) = await RunSmokeAsync(host.Client.BaseAddress!);

        Assert.True(exitCode == 0, output);
        Assert.Contains("ok    signed-in Kommun opens /personal/statistik: 200", output, StringComparison.Ordinal);
        Assert.Contains("ok    /personal/statistik names the signed-in person: signed-in", output, StringComparison.Ordinal);
        Assert.Contains("ok    a forged Granskare principal beside a real sign-in is refused by /personal/granskning: 403", output, StringComparison.Ordinal);
        Assert.Contains("ok    the refusal names the real person: not the forged one", output, StringComparison.Ordinal);
        Assert.Contains("ok    forged Kommunpolis principal on the staff page is refused: 302", output, StringComparison.Ordinal);
        Assert.Contains("ok    a forged X-Forwarded-For entry does not escape the limit: 429", output, StringComparison.Ordinal);
        Assert.Contains("ok    client B is counted apart from client A: 404", output, StringComparison.Ordinal);
        // The DevHost checks no function keys, so the stats key checks are the one thing left to the real platform.
        Assert.EndsWith("13 passed, 0 failed, 1 skipped", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_that_counts_every_client_as_the_front_end_fails()
    {
        // Not told it is behind the front end: every request counts as the connection's address, one bucket for all.
        await using var host = new DevHostProcess(AzuriteAccounts.NewConnectionString(), LowLookupLimit);
        await host.StartAsync(Cancel);

        var (exitCode, output) = await RunSmokeAsync(host.Client.BaseAddress!);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("FAIL  client B is counted apart from client A: got 429, expected 404", output, StringComparison.Ordinal);
        Assert.Contains("12 passed, 1 failed, 1 skipped", output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> LowLookupLimit => new() { ["RateLimit__LookupsPerTenMinutes"] = "5" };

    private static async Task<(int ExitCode, string Output)> RunSmokeAsync(Uri app)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "infra", "smoke.sh"));
        start.ArgumentList.Add(app.ToString());
        start.Environment["SMOKE_STAFF_COOKIE"] = $"dev-staff-principal={ClientPrincipal.Write("Smoke Kommun", StaffRole.Kommun, "grastorp")}";
        start.Environment["SMOKE_STAFF_ROLE"] = "Kommun";
        start.Environment["SMOKE_FRONT_END_A"] = ClientA;
        start.Environment["SMOKE_FRONT_END_B"] = ClientB;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var errors = process.StandardError.ReadToEndAsync(Cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "infra", "smoke.sh")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("infra/smoke.sh not found above the test output.");
    }
}
