using Grastorp.Intake.Functions;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.DevHost.Tests;

public sealed class DigestTimerTests : IDisposable
{
    // Monday 2026-11-30 at 07:00 UTC: 08:00 in Sweden, within the UTC schedule's Monday-morning window.
    private readonly DevHostFactory _host = new(services =>
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero)))));

    [Fact]
    public async Task The_timer_is_indexed_on_the_DIGEST_SCHEDULE_setting_and_two_firings_write_one_digest()
    {
        // Indexing fails at start-up if %DIGEST_SCHEDULE% cannot be resolved, so calling the function by name proves both.
        var jobs = _host.Services.GetRequiredService<IJobHost>();
        var firing = new Dictionary<string, object?> { ["timer"] = new TimerInfo(new DailySchedule("07:00:00"), new ScheduleStatus()) };

        await jobs.CallAsync(nameof(SendWeeklyDigest), firing, TestContext.Current.CancellationToken);
        await jobs.CallAsync(nameof(SendWeeklyDigest), firing, TestContext.Current.CancellationToken);

        Assert.Equal(["digest-2026-W48-kommunpolis.eml"], Directory.GetFiles(_host.PickupDirectory).Select(Path.GetFileName));
        Assert.Contains(_host.Logs.Lines, line => line.Contains("Digest 2026-W48 for kommunpolis not sent now: AlreadySent", StringComparison.Ordinal));
    }

    public void Dispose() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
