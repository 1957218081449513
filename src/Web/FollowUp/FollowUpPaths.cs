using Grastorp.Intake.Core.Texts;

namespace Grastorp.Intake.Web.FollowUp;

/// <summary>The follow-up's addresses; the HTTP functions' routes spell the same paths.</summary>
public static class FollowUpPaths
{
    public const string Feed = "/uppfoljning.atom";

    public const string Json = "/api/followup";

    public static string Page(Language language) => language == Language.English ? "/en/follow-up" : "/uppfoljning";
}
