using System.Text.RegularExpressions;
using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Status;
using Grastorp.Intake.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grastorp.Intake.Core.Tests.Storage;

/// <summary>
/// The Azure SDK's request log prints each request's URL, and a table's keys are in it: a receipt's are the first
/// characters of a reference, a tip's is the reference. No storage client of Core may write those lines, whatever
/// level the host logs at.
/// </summary>
/// <remarks>
/// The SDK's event source is one per process and the forwarder passes on every client's events, other tests' included
/// (those run in parallel, some with clients of their own). So the test looks for lines about its own account, whose
/// name is in every request URL (and so in every line that would carry the keys), not for SDK lines in general.
/// </remarks>
public sealed class StorageClientLoggingTests : IDisposable
{
    private readonly CapturedLogs _logs = new();
    private readonly string _account;
    private readonly ServiceProvider _services;

    public StorageClientLoggingTests()
    {
        var connection = AzuriteAccounts.NewConnectionString();
        _account = Regex.Match(connection, "AccountName=([^;]+)").Groups[1].Value;
        _services = IntakeTestServices.Create(
            IntakeTestServices.InWeek48(),
            new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection },
            s => s.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)));
    }

    [Fact]
    public async Task A_status_lookup_leaves_no_request_line_with_the_reference_s_keys()
    {
        var reference = TipReference.New().Value;

        // The public route's path: the lookup limit's table, then the receipts'.
        var lookup = await _services.GetRequiredService<TipStatusService>().LookUpAsync(reference, new("203.0.113.7", null), TestContext.Current.CancellationToken);

        Assert.Same(StatusLookup.NotFound, lookup);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains($"/{_account}/", StringComparison.Ordinal));
    }

    public void Dispose() => _services.Dispose();
}
