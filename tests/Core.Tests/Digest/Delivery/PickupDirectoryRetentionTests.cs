using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Delivery;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Tests.Digest.Delivery;

/// <summary>
/// A pickup file is judged by the week in its name, not by the file system's time stamp: the stamp is the machine's
/// clock, the cutoff is the system's (<see cref="TimeProvider"/>), and the two disagree in every test with a fake
/// clock and after any copy or restore of the folder.
/// </summary>
public sealed class PickupDirectoryRetentionTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pickup-" + Guid.NewGuid().ToString("N"));
    private readonly PickupDirectoryDigestSender _sender;

    public PickupDirectoryRetentionTests() =>
        _sender = new PickupDirectoryDigestSender(Options.Create(new DigestOptions { PickupDirectory = _directory }));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, DateTime? stamp = null)
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, "Subject: digest");
        if (stamp is { } utc)
        {
            File.SetLastWriteTimeUtc(path, utc);
        }

        return path;
    }

    [Fact]
    public void A_file_written_today_for_a_week_long_past_retention_goes_whatever_its_time_stamp_says()
    {
        // The system's clock says 2024; the file system stamps today's real date, which lies after the cutoff.
        var week = new WeekId(2023, 48);
        var file = Write($"{DigestFileName.For(week, "kommunpolis", 0)}.eml");
        var partial = Write($"{DigestFileName.For(week, "kommun-vara", 1)}.eml.partial");

        var removed = _sender.RemoveOlderThan(SwedishTime.EndOf(week).AddTicks(1), 10);

        Assert.Equal(2, removed);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(partial));
    }

    [Fact]
    public void A_file_for_a_week_inside_retention_stays_even_with_an_ancient_time_stamp()
    {
        var week = new WeekId(2026, 48);
        var file = Write($"{DigestFileName.For(week, "kommunpolis", 0)}.eml", new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(0, _sender.RemoveOlderThan(SwedishTime.EndOf(week).AddTicks(-1), 10));
        Assert.True(File.Exists(file));
        Assert.Equal(1, _sender.RemoveOlderThan(SwedishTime.EndOf(week), 10));
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData("notes.eml")]
    [InlineData("digest-notaweek-kommunpolis.eml")]
    [InlineData("digest-2023-W48.eml")]
    [InlineData("digest-2023-W48-kommunpolis.txt")]
    public void Files_this_sender_did_not_name_are_left_alone(string name)
    {
        var file = Write(name, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(0, _sender.RemoveOlderThan(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), 10));
        Assert.True(File.Exists(file));
    }

    [Fact]
    public void At_most_the_limit_goes_in_one_run()
    {
        foreach (var week in WeekId.Range(new WeekId(2023, 1), new WeekId(2023, 5)))
        {
            Write($"{DigestFileName.For(week, "kommunpolis", 0)}.eml");
        }

        Assert.Equal(3, _sender.RemoveOlderThan(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), 3));
        Assert.Equal(2, _sender.RemoveOlderThan(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), 3));
    }

    [Fact]
    public async Task The_name_the_sender_writes_is_the_name_retention_reads()
    {
        var week = new WeekId(2026, 48);
        var message = new DigestMessage(DigestFileName.For(week, "kommunpolis", 2), Guid.NewGuid(), DateTimeOffset.UnixEpoch, "a@example.se", ["b@example.se"], "Ämne", "text", "<p>html</p>");

        await _sender.SendAsync(message, TestContext.Current.CancellationToken);

        var written = Assert.Single(Directory.GetFiles(_directory));
        Assert.True(DigestFileName.TryReadWeek(Path.GetFileName(written), out var read));
        Assert.Equal(week, read);
    }
}
