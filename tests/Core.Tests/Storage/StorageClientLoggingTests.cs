using Grastorp.Intake.Core.Tips;
using Grastorp.Intake.Core.Tips.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grastorp.Intake.Core.Tests.Storage;

/// <summary>
/// The Azure SDK's request log prints each request's URL, and a table's keys are in it: a receipt's are the first
/// characters of a reference, a tip's is the reference. No storage client of Core may write those lines, whatever
/// level the host logs at.
/// </summary>
public sealed class StorageClientLoggingTests : IDisposable
{
    private readonly CapturedLogs _logs = new();
    private readonly ServiceProvider _services;

    public StorageClientLoggingTests() =>
        _services = IntakeTestServices.Create(IntakeTestServices.InWeek48(), configure: s => s.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)));

    [Fact]
    public async Task A_status_lookup_leaves_no_request_line_with_the_reference_s_keys()
    {
        var reference = TipReference.New().Value;

        Assert.Null(await _services.GetRequiredService<TipStatusService>().FindAsync(reference, TestContext.Current.CancellationToken));

        Assert.DoesNotContain(_logs.Lines, line => line.Contains(reference[..4], StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, line => line.StartsWith("Azure.", StringComparison.Ordinal));
    }

    public void Dispose() => _services.Dispose();
}
