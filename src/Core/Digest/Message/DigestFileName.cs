using System.Diagnostics.CodeAnalysis;
using Grastorp.Intake.Core.Calendar;

namespace Grastorp.Intake.Core.Digest.Message;

/// <summary>
/// The name a digest goes by outside the system (<c>digest-2026-W48-kommunpolis</c>, <c>…-resend-1</c>). The week
/// in it is what retention judges a pickup file by: a copied or restored file keeps its name but not its time stamp,
/// and the file system's clock is not the system's (<see cref="TimeProvider"/>).
/// </summary>
public static class DigestFileName
{
    private const string Prefix = "digest-";

    public static string For(WeekId week, string listId, int resend) =>
        resend == 0 ? $"{Prefix}{week}-{listId}" : $"{Prefix}{week}-{listId}-resend-{resend}";

    /// <summary>The week a digest file (any extension) was written for; false for a name this system did not give.</summary>
    public static bool TryReadWeek(string fileName, [NotNullWhen(true)] out WeekId? week)
    {
        week = null;
        // "digest-" + "2026-W48" + "-" + at least one character of the list id.
        const int WeekLength = 8;
        if (fileName is null || !fileName.StartsWith(Prefix, StringComparison.Ordinal) || fileName.Length < Prefix.Length + WeekLength + 2
            || fileName[Prefix.Length + WeekLength] != '-'
            || !WeekId.TryParse(fileName.Substring(Prefix.Length, WeekLength), null, out var parsed))
        {
            return false;
        }

        week = parsed;
        return true;
    }
}
