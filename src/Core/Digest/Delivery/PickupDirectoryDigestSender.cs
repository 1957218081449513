using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using Microsoft.Extensions.Options;

namespace Grastorp.Intake.Core.Digest.Delivery;

/// <summary>
/// Writes each digest as an .eml file into a pickup folder, named after the week and list, so a retry overwrites
/// rather than duplicates. Any mail server's pickup directory (or a person) can take it from there; the local default.
/// </summary>
public sealed class PickupDirectoryDigestSender(IOptions<DigestOptions> options) : IDigestSender
{
    public async Task SendAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var directory = options.Value.PickupDirectory;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{message.Name}.eml");
        var partial = path + ".partial";
        await using (var file = File.Create(partial))
        {
            await message.WriteToAsync(file, cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>
    /// Erasure: deletes every tipster notice (<see cref="NoticeFileName"/>) sent to <paramref name="address"/>, the
    /// contact of the tip being erased, so the address does not stay on disk after the tip forgot it. Only notice files
    /// are read, and only their headers.
    /// </summary>
    public int RemoveNoticesTo(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var directory = new DirectoryInfo(options.Value.PickupDirectory);
        if (!directory.Exists)
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in directory.EnumerateFiles("notice-*.eml").Where(f => NoticeFileName.IsNotice(f.Name)))
        {
            bool sentThere;
            using (var message = MimeKit.MimeMessage.Load(file.FullName))
            {
                sentThere = message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));
            }

            if (sentThere)
            {
                file.Delete();
                removed++;
            }
        }

        return removed;
    }

    /// <summary>
    /// Retention: deletes at most <paramref name="limit"/> digest files (and left-over partial ones) whose week ended
    /// before <paramref name="cutoff"/>: every tip such a file shows was received before then, so its text is past
    /// retention too. Tipster notices (<see cref="NoticeFileName"/>) go when their tip was received before the cutoff,
    /// the rule by which that tip loses the contact the notice was sent to. Judged by the week or day in the name, never the file
    /// system's time stamp (another clock than the system's <see cref="TimeProvider"/>). Only this sender's own file
    /// names are touched.
    /// </summary>
    public int RemoveOlderThan(DateTimeOffset cutoff, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var directory = new DirectoryInfo(options.Value.PickupDirectory);
        if (!directory.Exists)
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in directory.EnumerateFiles("*.eml*").Where(f => f.Name.EndsWith(".eml", StringComparison.Ordinal) || f.Name.EndsWith(".eml.partial", StringComparison.Ordinal)))
        {
            if (removed == limit)
            {
                break;
            }

            if ((DigestFileName.TryReadWeek(file.Name, out var week) && SwedishTime.EndOf(week.Value) <= cutoff)
                || NoticeFileName.IsPast(file.Name, cutoff))
            {
                file.Delete();
                removed++;
            }
        }

        return removed;
    }
}
