using System.Globalization;

namespace Grastorp.Intake.Core.Digest.Message;

/// <summary>
/// The name a tipster notice (issue 32) goes by in the mail transport (<c>notice-2026-12-07-…</c>). The day in it is
/// the day the <em>tip</em> was received, not the notice sent: a notice file holds the resident's e-mail address, so
/// retention removes it with the tip's contact, judged by that day as a digest file is by its week
/// (<see cref="DigestFileName"/>).
/// </summary>
public static class NoticeFileName
{
    private const string Prefix = "notice-";
    private const string DayFormat = "yyyy-MM-dd";

    public static string For(DateTimeOffset tipReceivedAt, Guid operationId) =>
        $"{Prefix}{tipReceivedAt.UtcDateTime.ToString(DayFormat, CultureInfo.InvariantCulture)}-{operationId:N}";

    /// <summary>The UTC day the notice's tip was received; false for a name this system did not give.</summary>
    public static bool TryReadDay(string fileName, out DateOnly day)
    {
        day = default;
        return fileName is not null && fileName.StartsWith(Prefix, StringComparison.Ordinal) && fileName.Length > Prefix.Length + DayFormat.Length
            && fileName[Prefix.Length + DayFormat.Length] == '-'
            && DateOnly.TryParseExact(fileName.AsSpan(Prefix.Length, DayFormat.Length), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
