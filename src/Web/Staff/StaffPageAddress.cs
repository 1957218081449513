using Grastorp.Intake.Core.Staff.Access;
using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Web.Staff;

/// <summary>Where a staff page was asked for: its language (English under /en/) and the same page in the other language.</summary>
public sealed record StaffPageAddress(Language Language, string Alternate)
{
    /// <summary>The address of a request's path and query string (as sent, so the other language shows the same choices).</summary>
    public static StaffPageAddress Of(string path, string? query) => new(StaffPaths.LanguageOf(path), StaffPaths.Alternate(path, query));
}
