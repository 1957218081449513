using System.Globalization;

namespace Grastorp.Intake.Core.Digest.Message;

/// <summary>
/// The name a tipster notice (issue 32) goes by in the mail transport (<c>notice-20261207T081530Z-…</c>). The time in
/// it is when the <em>tip</em> was received, not the notice sent: a notice file holds the resident's e-mail address,
/// so retention removes it by the same rule and cutoff as the tip's contact (received before the cutoff), judged by
/// the name as a digest file is by its week (<see cref="DigestFileName"/>), never by the file system's clock.
/// </summary>
public static class NoticeFileName
{
    private const string Prefix = "notice-";
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const int TimeLength = 16;

    public static string For(DateTimeOffset tipReceivedAt, Guid operationId) =>
        $"{Prefix}{tipReceivedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}-{operationId:N}";

    /// <summary>Whether a file (any extension) is a notice whose tip was received before <paramref name="cutoff"/>.</summary>
    public static bool IsPast(string fileName, DateTimeOffset cutoff) =>
        fileName is not null && fileName.StartsWith(Prefix, StringComparison.Ordinal) && fileName.Length > Prefix.Length + TimeLength
        && fileName[Prefix.Length + TimeLength] == '-'
        && DateTimeOffset.TryParseExact(fileName.AsSpan(Prefix.Length, TimeLength), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var received)
        && received < cutoff;

    /// <summary>Whether a file is a notice at all (erasure reads those for the address they were sent to).</summary>
    public static bool IsNotice(string fileName) => fileName is not null && fileName.StartsWith(Prefix, StringComparison.Ordinal);
}
