namespace Grastorp.Intake.Core.Staff.Access;

/// <summary>The staff area's addresses; the HTTP functions' routes spell the same paths.</summary>
public static class StaffPaths
{
    public const string Dashboard = "/personal/statistik";
    public const string Export = "/personal/statistik.csv";
    public const string Tips = "/personal/tips";
    public const string Correction = "/personal/tips/rattelse";
    public const string Audit = "/personal/granskning";
    public const string Actions = "/personal/atgarder";

    /// <summary>Where a tip's stage form posts (the reference is checked before it gets here).</summary>
    public static string Progress(string reference) => $"{Tips}/{reference}/status";

    /// <summary>Where a tip's public reply form posts.</summary>
    public static string Reply(string reference) => $"{Tips}/{reference}/svar";
}
