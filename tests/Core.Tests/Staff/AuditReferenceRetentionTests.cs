using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Staff.Audit;
using Grastorp.Intake.Core.Tips;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grastorp.Intake.Core.Tests.Staff;

/// <summary>
/// The audit log keeps who read what for its own period (730 days by default), but no reference longer than its tip
/// (365 days by default): against Azurite, with a fake clock.
/// </summary>
public sealed class AuditReferenceRetentionTests : IDisposable
{
    private readonly FakeTimeProvider _time = IntakeTestServices.InWeek48();
    private readonly ServiceProvider _services;

    public AuditReferenceRetentionTests() => _services = IntakeTestServices.Create(_time);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private AuditLog Audit => _services.GetRequiredService<AuditLog>();

    private async Task<List<AuditEntry>> EntriesAsync(DateTimeOffset month) =>
        [.. (await Audit.ReadAsync(month.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), null, 200, Token)).Entries];

    [Fact]
    public async Task A_reference_goes_with_its_tips_retention_and_the_entry_stays_for_the_audits_own()
    {
        var received = _time.GetUtcNow();
        var week = TipPartition.Of("vara", received).Key;
        var reader = new StaffPrincipal("Kim Kommunpolis", new HashSet<StaffRole> { StaffRole.Kommunpolis });

        // Read the day the tip came and again 300 days later (the second entry is younger than a year when the tip goes).
        await Audit.RecordAsync(reader, AuditAction.Viewed, [("ABCDEFGHJK", week, string.Empty)], Token);
        _time.Advance(TimeSpan.FromDays(300));
        var late = _time.GetUtcNow();
        await Audit.RecordAsync(reader, AuditAction.Viewed, [("ABCDEFGHJK", week, string.Empty)], Token);

        // Day 360: the tip is still kept, and so is the reference.
        _time.Advance(TimeSpan.FromDays(60));
        Assert.Equal(0, await Audit.PurgeAsync(Token));
        Assert.Equal("ABCDEFGHJK", Assert.Single(await EntriesAsync(received)).Reference);

        // Day 366: the tip's text and receipt are gone, so no entry may still name it; who read it when stays.
        _time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await Audit.PurgeAsync(Token));
        var first = Assert.Single(await EntriesAsync(received));
        var second = Assert.Single(await EntriesAsync(late));
        Assert.Equal(string.Empty, first.Reference);
        Assert.Equal(string.Empty, second.Reference);
        Assert.Equal("Kim Kommunpolis", second.Who);
        Assert.Equal(week, second.Partition);
    }

    public void Dispose() => _services.Dispose();
}
